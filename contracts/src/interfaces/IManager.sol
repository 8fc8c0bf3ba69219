// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ISubAccounts} from "./ISubAccounts.sol";

/// @title IManager
/// @notice The risk manager hook, with Derive v2-core's signature (src/interfaces/IManager.sol):
///         SubAccounts calls it once per touched account after all balances of a trade are stored,
///         so the manager judges the account's final state and reverts to reject the trade.
interface IManager {
  function handleAdjustment(
    uint accountId,
    uint tradeId,
    address caller,
    ISubAccounts.AssetDelta[] memory deltas,
    bytes memory managerData
  ) external;
}
