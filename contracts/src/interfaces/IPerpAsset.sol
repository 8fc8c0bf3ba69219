// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAsset} from "./IAsset.sol";

/// @title IPerpAsset
/// @notice What the manager and the trade executor need from a perp, with Derive v2-core's
///         signatures (src/interfaces/IPerpAsset.sol, src/assets/PerpAsset.sol).
interface IPerpAsset is IAsset {
  function getPerpPrice() external view returns (uint price, uint confidence);

  function getIndexPrice() external view returns (uint price, uint confidence);

  function getUnsettledAndUnrealizedCash(uint accountId) external view returns (int totalCash);

  function settleRealizedPNLAndFunding(uint accountId) external returns (int pnl, int funding);

  function realizePNLWithMark(uint accountId) external;
}
