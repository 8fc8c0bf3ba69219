// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {ISubAccounts} from "./interfaces/ISubAccounts.sol";
import {IAsset} from "./interfaces/IAsset.sol";
import {IManager} from "./interfaces/IManager.sol";

/// @title SubAccounts
/// @notice Margin accounts as ERC-721 tokens (EIP-721), after Derive v2-core's SubAccounts
///         (src/SubAccounts.sol): every account holds signed balances per (asset, subId) and has one
///         risk manager. A balance changes only through
///           - submitTransfer(s): account to account, each side passing the asset's handleAdjustment
///             hook, then each touched account's manager hook (once per account per trade);
///           - assetAdjustment: an asset crediting/debiting one account (deposit, withdraw);
///           - managerAdjustment: the account's manager moving value (perp PnL into cash).
/// @dev Simplified against Derive: no per-asset allowances (an owner, an ERC-721 approved address or
///      an owner-registered trusted caller such as the TradeExecutor may make changes that need
///      consent), no permits, no manager migration. Balances are int240 like Derive's so a balance
///      and its position in the held-assets list share one storage slot.
///      SubIds may use 160 bits (Derive: 96) because the custody collateral asset keys balances
///      by token address. The BalanceAdjusted key keeps Derive's formula, asset << 96 | subId, so
///      for such subIds bits 96..159 mix asset and subId: match keys by recomputing them for the
///      known (asset, subId) pairs rather than by splitting them.
contract SubAccounts is ERC721, Ownable, ISubAccounts {

  /// @dev Bounds the work of one batch (and of the manager hooks it triggers).
  uint public constant MAX_TRANSFERS = 64;

  struct BalanceAndOrder {
    int240 balance;
    // 1-based position in _heldAssets[accountId]; 0 = not held
    uint16 order;
  }

  struct HeldAsset {
    IAsset asset;
    uint160 subId;
  }

  /// @inheritdoc ISubAccounts
  uint public lastAccountId;

  /// @inheritdoc ISubAccounts
  uint public lastTradeId;

  /// @inheritdoc ISubAccounts
  mapping(uint accountId => IManager) public manager;

  /// @inheritdoc ISubAccounts
  mapping(address caller => bool) public trustedCaller;

  mapping(uint accountId => mapping(IAsset => mapping(uint subId => BalanceAndOrder))) internal _balances;
  mapping(uint accountId => HeldAsset[]) internal _heldAssets;

  /// @dev The trade in progress, so a manager's settlement inside its hook carries the trade's id
  ///      (EIP-1153 transient storage: cleared at the end of the transaction).
  uint private transient _activeTradeId;

  constructor(address initialOwner) ERC721("CustodySettle SubAccounts", "CSACC") Ownable(initialOwner) {}

  ///////////////////
  // Administration //
  ///////////////////

  /// @notice Lets a contract (the TradeExecutor) make consent-requiring changes on any account, the
  ///         way Derive's Matching contract acts for the accounts deposited into it.
  function setTrustedCaller(address caller, bool trusted) external onlyOwner {
    trustedCaller[caller] = trusted;
    emit TrustedCallerSet(caller, trusted);
  }

  //////////////
  // Accounts //
  //////////////

  /// @inheritdoc ISubAccounts
  function createAccount(address owner, IManager manager_) external returns (uint newId) {
    if (address(manager_) == address(0)) revert AC_InvalidManager();
    newId = ++lastAccountId;
    manager[newId] = manager_;
    _mint(owner, newId);
    emit AccountCreated(owner, newId, address(manager_));
  }

  ///////////////
  // Transfers //
  ///////////////

  /// @inheritdoc ISubAccounts
  function submitTransfer(AssetTransfer memory assetTransfer, bytes memory managerData) external returns (uint tradeId) {
    AssetTransfer[] memory transfers = new AssetTransfer[](1);
    transfers[0] = assetTransfer;
    return _submitTransfers(transfers, managerData);
  }

  /// @inheritdoc ISubAccounts
  function submitTransfers(AssetTransfer[] memory assetTransfers, bytes memory managerData)
    external
    returns (uint tradeId)
  {
    return _submitTransfers(assetTransfers, managerData);
  }

  /// @inheritdoc ISubAccounts
  function assetAdjustment(AssetAdjustment memory adjustment, bool triggerAssetHook, bytes memory managerData)
    external
    returns (int postBalance)
  {
    if (msg.sender != address(adjustment.asset)) revert AC_OnlyAsset();
    _requireOwned(adjustment.acc);

    uint tradeId = ++lastTradeId;
    uint previous = _activeTradeId;
    _activeTradeId = tradeId;

    int delta;
    // The asset vouches for this change itself (e.g. CashAsset.withdraw checks the owner), as in Derive.
    (postBalance, delta) = _adjust(adjustment, tradeId, triggerAssetHook, msg.sender, false);

    AssetDelta[] memory deltas = new AssetDelta[](1);
    deltas[0] = AssetDelta(adjustment.asset, adjustment.subId, delta);
    manager[adjustment.acc].handleAdjustment(adjustment.acc, tradeId, msg.sender, deltas, managerData);

    _activeTradeId = previous;
  }

  /// @inheritdoc ISubAccounts
  /// @dev No manager hook: the manager is the caller and has judged the change itself. The asset hook
  ///      runs, so the asset can refuse a manager it does not know (Derive does the same).
  function managerAdjustment(AssetAdjustment memory adjustment) external returns (int postBalance) {
    if (msg.sender != address(manager[adjustment.acc])) revert AC_OnlyManager();
    uint tradeId = _activeTradeId;
    if (tradeId == 0) tradeId = ++lastTradeId;
    (postBalance,) = _adjust(adjustment, tradeId, true, msg.sender, false);
  }

  //////////
  // View //
  //////////

  /// @inheritdoc ISubAccounts
  function getBalance(uint accountId, IAsset asset, uint subId) external view returns (int balance) {
    return _balances[accountId][asset][subId].balance;
  }

  /// @inheritdoc ISubAccounts
  function getAccountBalances(uint accountId) external view returns (AssetBalance[] memory assetBalances) {
    HeldAsset[] storage held = _heldAssets[accountId];
    uint n = held.length;
    assetBalances = new AssetBalance[](n);
    for (uint i; i < n; ++i) {
      HeldAsset memory h = held[i];
      assetBalances[i] = AssetBalance(h.asset, h.subId, _balances[accountId][h.asset][h.subId].balance);
    }
  }

  /// @notice The key BalanceAdjusted indexes: asset in the high 160 bits, subId in the low 96.
  function assetAndSubIdKey(IAsset asset, uint subId) public pure returns (bytes32) {
    return bytes32(uint(uint160(address(asset))) << 96 | subId);
  }

  //////////////
  // Internal //
  //////////////

  function _submitTransfers(AssetTransfer[] memory transfers, bytes memory managerData) internal returns (uint tradeId) {
    uint n = transfers.length;
    if (n == 0) revert AC_NoTransfers();
    if (n > MAX_TRANSFERS) revert AC_TooManyTransfers();

    tradeId = ++lastTradeId;
    uint previous = _activeTradeId;
    _activeTradeId = tradeId;

    // Every side of every transfer, so each account's manager sees its net deltas once.
    uint[] memory sideAcc = new uint[](2 * n);
    AssetDelta[] memory sideDelta = new AssetDelta[](2 * n);

    for (uint i; i < n; ++i) {
      AssetTransfer memory t = transfers[i];
      if (t.fromAcc == t.toAcc) revert AC_CannotTransferAssetToOneself(msg.sender, t.fromAcc);
      _requireOwned(t.fromAcc);
      _requireOwned(t.toAcc);

      (, int fromDelta) = _adjust(
        AssetAdjustment(t.fromAcc, t.asset, t.subId, -t.amount, t.assetData), tradeId, true, msg.sender, true
      );
      (, int toDelta) =
        _adjust(AssetAdjustment(t.toAcc, t.asset, t.subId, t.amount, t.assetData), tradeId, true, msg.sender, true);

      sideAcc[2 * i] = t.fromAcc;
      sideDelta[2 * i] = AssetDelta(t.asset, t.subId, fromDelta);
      sideAcc[2 * i + 1] = t.toAcc;
      sideDelta[2 * i + 1] = AssetDelta(t.asset, t.subId, toDelta);

      emit AssetTransferred(t.fromAcc, t.toAcc, address(t.asset), t.subId, t.amount, t.assetData, tradeId);
    }

    _callManagerHooks(sideAcc, sideDelta, tradeId, managerData);
    _activeTradeId = previous;
  }

  /// @dev Groups the sides by account, nets deltas of the same (asset, subId), and calls each
  ///      account's manager once, in the order accounts first appear.
  function _callManagerHooks(
    uint[] memory sideAcc,
    AssetDelta[] memory sideDelta,
    uint tradeId,
    bytes memory managerData
  ) internal {
    uint sides = sideAcc.length;
    for (uint i; i < sides; ++i) {
      uint acc = sideAcc[i];
      if (acc == 0) continue; // already handled with an earlier side

      AssetDelta[] memory deltas = new AssetDelta[](sides);
      uint used;
      for (uint j = i; j < sides; ++j) {
        if (sideAcc[j] != acc) continue;
        AssetDelta memory d = sideDelta[j];
        bool merged;
        for (uint k; k < used; ++k) {
          if (address(deltas[k].asset) == address(d.asset) && deltas[k].subId == d.subId) {
            deltas[k].delta += d.delta;
            merged = true;
            break;
          }
        }
        if (!merged) deltas[used++] = AssetDelta(d.asset, d.subId, d.delta);
        sideAcc[j] = 0;
      }
      // shrink the array to the entries used
      assembly ("memory-safe") {
        mstore(deltas, used)
      }
      manager[acc].handleAdjustment(acc, tradeId, msg.sender, deltas, managerData);
    }
  }

  /// @dev Runs the asset hook (if asked), checks consent, stores the balance, maintains the
  ///      held-assets list and emits BalanceAdjusted. Returns the stored balance and its change.
  function _adjust(
    AssetAdjustment memory adj,
    uint tradeId,
    bool triggerAssetHook,
    address caller,
    bool checkConsent
  ) internal returns (int postBalance, int delta) {
    if (adj.subId > type(uint160).max) revert AC_SubIdTooLarge(adj.subId);
    int preBalance = _balances[adj.acc][adj.asset][adj.subId].balance;

    bool needAllowance;
    if (triggerAssetHook) {
      (postBalance, needAllowance) = adj.asset.handleAdjustment(adj, tradeId, preBalance, manager[adj.acc], caller);
    } else {
      postBalance = preBalance + adj.amount;
    }
    if (checkConsent && needAllowance && !_mayAdjust(caller, adj.acc)) {
      revert AC_NotOwnerOrApproved(caller, adj.acc);
    }
    _store(adj, preBalance, postBalance, tradeId);
    delta = postBalance - preBalance;
  }

  function _store(AssetAdjustment memory adj, int preBalance, int postBalance, uint tradeId) internal {
    if (postBalance > type(int240).max || postBalance < type(int240).min) revert AC_BalanceOutOfRange(postBalance);
    BalanceAndOrder storage slot = _balances[adj.acc][adj.asset][adj.subId];
    // forge-lint: disable-next-line(unsafe-typecast) range checked above
    slot.balance = int240(postBalance);
    if (preBalance == 0 && postBalance != 0) {
      HeldAsset[] storage held = _heldAssets[adj.acc];
      if (held.length == type(uint16).max) revert AC_TooManyAssets(adj.acc);
      held.push(HeldAsset(adj.asset, uint160(adj.subId)));
      slot.order = uint16(held.length);
    } else if (preBalance != 0 && postBalance == 0) {
      _removeHeldAsset(adj.acc, slot.order);
      slot.order = 0;
    }
    emit BalanceAdjusted(
      adj.acc,
      address(manager[adj.acc]),
      assetAndSubIdKey(adj.asset, adj.subId),
      adj.amount,
      preBalance,
      postBalance,
      tradeId
    );
  }

  /// @dev Swap-and-pop, keeping the moved entry's order field right.
  function _removeHeldAsset(uint accountId, uint16 order) internal {
    HeldAsset[] storage held = _heldAssets[accountId];
    uint index = uint(order) - 1;
    uint last = held.length - 1;
    if (index != last) {
      HeldAsset memory moved = held[last];
      held[index] = moved;
      _balances[accountId][moved.asset][moved.subId].order = order;
    }
    held.pop();
  }

  function _mayAdjust(address caller, uint accountId) internal view returns (bool) {
    if (trustedCaller[caller]) return true;
    address owner = _ownerOf(accountId);
    return _isAuthorized(owner, caller, accountId);
  }
}
