// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAsset} from "./IAsset.sol";

/// @title ICashAsset
/// @notice The part of the cash asset the manager uses to record settled perp PnL
///         (Derive v2-core ICashAsset.updateSettledCash).
interface ICashAsset is IAsset {
  function updateSettledCash(int amountCash) external;
}
