// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IAsset} from "./IAsset.sol";
import {IManager} from "./IManager.sol";

/// @title ISubAccounts
/// @notice The subset of Derive v2-core's ISubAccounts (src/interfaces/ISubAccounts.sol) that
///         CustodySettle uses. Struct layouts, function and event signatures match Derive's so an
///         indexer written against Derive decodes ours unchanged.
interface ISubAccounts is IERC721 {
  /// @dev One row of getAccountBalances().
  struct AssetBalance {
    IAsset asset;
    uint subId;
    int balance;
  }

  /// @dev fromAcc is debited by amount and toAcc credited (amount may be negative).
  struct AssetTransfer {
    uint fromAcc;
    uint toAcc;
    IAsset asset;
    uint subId;
    int amount;
    bytes32 assetData;
  }

  /// @dev A one-sided balance change, made by an asset (deposit/withdraw) or a manager (settlement).
  struct AssetAdjustment {
    uint acc;
    IAsset asset;
    uint subId;
    int amount;
    bytes32 assetData;
  }

  /// @dev What the manager hook receives: the net change of each (asset, subId) in the trade.
  /// @dev subId is uint (Derive: uint96) because collateral subIds are token addresses.
  struct AssetDelta {
    IAsset asset;
    uint subId;
    int delta;
  }

  event AccountCreated(address indexed owner, uint indexed accountId, address indexed manager);

  /// @dev assetAndSubId = bytes32(uint(uint160(asset)) << 96 | subId), as Derive packs it. With a
  ///      subId wider than 96 bits (custody collateral: the token address) the two overlap; compare
  ///      keys recomputed from known pairs instead of splitting them.
  event BalanceAdjusted(
    uint indexed accountId,
    address indexed manager,
    bytes32 indexed assetAndSubId,
    int amount,
    int preBalance,
    int postBalance,
    uint tradeId
  );

  event AssetTransferred(
    uint indexed fromAcc, uint indexed toAcc, address asset, uint subId, int amount, bytes32 assetData, uint tradeId
  );

  event TrustedCallerSet(address indexed caller, bool trusted);

  error AC_OnlyManager();
  error AC_OnlyAsset();
  error AC_TooManyTransfers();
  error AC_NoTransfers();
  error AC_InvalidManager();
  error AC_NotOwnerOrApproved(address caller, uint accountId);
  error AC_CannotTransferAssetToOneself(address caller, uint accountId);
  error AC_SubIdTooLarge(uint subId);
  error AC_BalanceOutOfRange(int balance);
  error AC_TooManyAssets(uint accountId);

  function createAccount(address owner, IManager manager_) external returns (uint newId);

  function submitTransfer(AssetTransfer memory assetTransfer, bytes memory managerData) external returns (uint tradeId);

  function submitTransfers(AssetTransfer[] memory assetTransfers, bytes memory managerData)
    external
    returns (uint tradeId);

  function assetAdjustment(AssetAdjustment memory adjustment, bool triggerAssetHook, bytes memory managerData)
    external
    returns (int postBalance);

  function managerAdjustment(AssetAdjustment memory adjustment) external returns (int postBalance);

  function manager(uint accountId) external view returns (IManager);

  function getBalance(uint accountId, IAsset asset, uint subId) external view returns (int balance);

  function getAccountBalances(uint accountId) external view returns (AssetBalance[] memory assetBalances);

  function lastAccountId() external view returns (uint);

  function lastTradeId() external view returns (uint);

  function trustedCaller(address caller) external view returns (bool);
}
