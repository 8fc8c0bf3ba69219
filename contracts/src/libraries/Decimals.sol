// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Decimals
/// @notice Converts token amounts to and from the 18-decimal fixed point SubAccounts stores.
///         Derive v2-core keeps every balance in 18 decimals whatever the token's own decimals
///         (its ConvertDecimals library); this is our own, smaller version.
library Decimals {
  error Decimals_Unsupported(uint8 decimals);

  /// @dev Exact for tokens with <= 18 decimals (the only ones we accept).
  function to18(uint amount, uint8 decimals) internal pure returns (uint) {
    if (decimals > 18) revert Decimals_Unsupported(decimals);
    return amount * 10 ** (18 - decimals);
  }

  /// @dev Tokens with more than 18 decimals would lose precision; refuse them where they are listed.
  function requireSupported(uint8 decimals) internal pure {
    if (decimals > 18) revert Decimals_Unsupported(decimals);
  }
}
