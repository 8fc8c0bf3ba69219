// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title FixedPoint
/// @notice 18-decimal fixed point multiplication for signed values (prices, sizes, rates are all
///         1e18-scaled, as in Derive v2-core). Results truncate toward zero, like Solidity division.
library FixedPoint {
  int internal constant UNIT = 1e18;

  function mulDec(int a, int b) internal pure returns (int) {
    return a * b / UNIT;
  }

  function divDec(int a, int b) internal pure returns (int) {
    return a * UNIT / b;
  }
}
