// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ISubAccounts} from "./ISubAccounts.sol";
import {IManager} from "./IManager.sol";

/// @title IAsset
/// @notice The hook every asset implements, with the signature of Derive v2-core's IAsset
///         (derivexyz/v2-core src/interfaces/IAsset.sol): SubAccounts calls it before it stores a
///         balance, and the asset returns the balance to store (it may differ from pre + amount) and
///         whether the change needs the account owner's consent.
interface IAsset {
  function handleAdjustment(
    ISubAccounts.AssetAdjustment memory adjustment,
    uint tradeId,
    int preBalance,
    IManager manager,
    address caller
  ) external returns (int finalBalance, bool needAllowance);
}
