// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {AssetBase} from "./AssetBase.sol";
import {Decimals} from "../libraries/Decimals.sol";
import {ISubAccounts} from "../interfaces/ISubAccounts.sol";
import {IAsset} from "../interfaces/IAsset.sol";
import {IManager} from "../interfaces/IManager.sol";
import {ICashAsset} from "../interfaces/ICashAsset.sol";

/// @title CashAsset
/// @notice USDC-backed cash, after Derive v2-core's CashAsset (src/assets/CashAsset.sol), with the
///         same deposit/withdraw signatures. The stable token (6 decimals) is held here; the account's
///         claim is its SubAccounts balance at subId 0, kept in 18 decimals as Derive keeps it, so
///         1 USDC (1e6 units) is a balance of 1e18. Perp PnL settled by a manager prints (or burns)
///         cash without moving the stable token; netSettledCash records that total, so
///         sum(cash balances) == stable held * 10^(18 - decimals) + netSettledCash.
/// @dev Simplified against Derive: no interest-rate model and no lending, so a withdrawal may not
///      take the balance below zero (only settled perp losses can make cash negative, which is debt
///      the manager's margin check covers).
contract CashAsset is AssetBase, ICashAsset {
  using SafeERC20 for IERC20Metadata;
  using SafeCast for uint;

  IERC20Metadata public immutable stableAsset;
  uint8 public immutable stableDecimals;

  /// @notice Net cash created by perp settlement (positive when traders won overall).
  int public netSettledCash;

  event Deposit(uint indexed accountId, address indexed from, uint amountCashMinted, uint stableAssetDeposited);
  event Withdraw(uint indexed accountId, address indexed recipient, uint amountCashBurned, uint stableAssetWithdrawn);
  event SettledCashUpdated(int amountChanged, int netSettledCash);

  error CA_OnlySubIdZero(uint subId);
  error CA_WithdrawExceedsBalance(uint accountId, int postBalance);
  error CA_ZeroAmount();

  constructor(ISubAccounts subAccounts_, IERC20Metadata stableAsset_, address initialOwner)
    AssetBase(subAccounts_, initialOwner)
  {
    uint8 d = stableAsset_.decimals();
    Decimals.requireSupported(d);
    stableAsset = stableAsset_;
    stableDecimals = d;
  }

  /// @notice Pull `amount` of the stable token (its own decimals) from the caller and credit
  ///         `recipientAccount` with amount * 10^(18 - decimals) cash.
  function deposit(uint recipientAccount, uint amount) external {
    if (amount == 0) revert CA_ZeroAmount();
    stableAsset.safeTransferFrom(msg.sender, address(this), amount);
    uint cashAmount = Decimals.to18(amount, stableDecimals);
    subAccounts.assetAdjustment(
      ISubAccounts.AssetAdjustment({
        acc: recipientAccount,
        asset: IAsset(address(this)),
        subId: 0,
        amount: cashAmount.toInt256(),
        assetData: bytes32(0)
      }),
      true,
      ""
    );
    emit Deposit(recipientAccount, msg.sender, cashAmount, amount);
  }

  /// @notice Debit the caller's account and send `amount` of the stable token (its own decimals) to
  ///         `recipient`. The account's manager rejects it if the account would be under-margined.
  function withdraw(uint accountId, uint amount, address recipient) external {
    if (amount == 0) revert CA_ZeroAmount();
    _requireAccountOwner(accountId);
    uint cashAmount = Decimals.to18(amount, stableDecimals);
    int postBalance = subAccounts.assetAdjustment(
      ISubAccounts.AssetAdjustment({
        acc: accountId,
        asset: IAsset(address(this)),
        subId: 0,
        amount: -cashAmount.toInt256(),
        assetData: bytes32(0)
      }),
      true,
      ""
    );
    if (postBalance < 0) revert CA_WithdrawExceedsBalance(accountId, postBalance);
    stableAsset.safeTransfer(recipient, amount);
    emit Withdraw(accountId, recipient, cashAmount, amount);
  }

  /// @inheritdoc ICashAsset
  /// @dev Called by a manager right after it moved settled perp PnL into an account's cash.
  function updateSettledCash(int amountCash) external {
    _checkManager(msg.sender);
    netSettledCash += amountCash;
    emit SettledCashUpdated(amountCash, netSettledCash);
  }

  /// @inheritdoc IAsset
  function handleAdjustment(
    ISubAccounts.AssetAdjustment memory adjustment,
    uint, /*tradeId*/
    int preBalance,
    IManager manager,
    address /*caller*/
  ) external view onlySubAccounts returns (int finalBalance, bool needAllowance) {
    _checkManager(address(manager));
    if (adjustment.subId != 0) revert CA_OnlySubIdZero(adjustment.subId);
    finalBalance = preBalance + adjustment.amount;
    // Taking cash out of an account needs its owner's consent; receiving it does not.
    needAllowance = adjustment.amount < 0;
  }
}
