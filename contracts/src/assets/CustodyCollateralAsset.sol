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

/// @title CustodyCollateralAsset
/// @notice Collateral backed by custody tokens, after Derive v2-core's WrappedERC20Asset
///         (src/assets/WrappedERC20Asset.sol). Derive wraps one ERC-20 per asset contract; custody
///         tokens come one per (holder, custodian, asset) (Strands' model), so this one contract
///         accepts every token on its allow list and keys the balance by subId = uint(uint160(token)).
///         Deposits pull the token into this contract (the custody token must allow-list this
///         contract as a destination); withdrawals send it back. Balances are kept in 18 decimals,
///         converted from the token's decimals as Derive does.
/// @dev Collateral balances can never go negative: nobody can borrow a custody token.
contract CustodyCollateralAsset is AssetBase, IAsset {
  using SafeERC20 for IERC20Metadata;
  using SafeCast for uint;

  struct TokenInfo {
    // accepted for new deposits
    bool allowed;
    // ever listed: balances may exist, withdrawals and transfers stay possible after delisting
    bool known;
    uint8 decimals;
  }

  mapping(address token => TokenInfo) public tokens;

  /// @notice Addresses besides the owner that may list tokens (the CustodyTokenFactory lists each
  ///         token it creates, so a new custody token is usable as collateral at once).
  mapping(address lister => bool) public isTokenLister;

  event TokenAllowed(address indexed token, bool allowed, uint8 decimals);
  event TokenListerSet(address indexed lister, bool allowed);
  event Deposit(uint indexed accountId, address indexed token, address indexed from, uint amount, uint amount18);
  event Withdraw(uint indexed accountId, address indexed token, address indexed recipient, uint amount, uint amount18);

  error CCA_NotLister(address caller);
  error CCA_TokenNotAllowed(address token);
  error CCA_UnknownSubId(uint subId);
  error CCA_CannotBeNegative(uint accountId, int finalBalance);
  error CCA_ZeroAmount();

  constructor(ISubAccounts subAccounts_, address initialOwner) AssetBase(subAccounts_, initialOwner) {}

  function setTokenLister(address lister, bool allowed) external onlyOwner {
    isTokenLister[lister] = allowed;
    emit TokenListerSet(lister, allowed);
  }

  /// @notice Accept (or stop accepting new deposits of) `token`. Its decimals are read once.
  function setAllowedToken(address token, bool allowed) external {
    if (msg.sender != owner() && !isTokenLister[msg.sender]) revert CCA_NotLister(msg.sender);
    TokenInfo storage info = tokens[token];
    if (!info.known) {
      uint8 d = IERC20Metadata(token).decimals();
      Decimals.requireSupported(d);
      info.decimals = d;
      info.known = true;
    }
    info.allowed = allowed;
    emit TokenAllowed(token, allowed, info.decimals);
  }

  /// @notice The subId under which `token` is held in SubAccounts.
  function subIdOf(address token) public pure returns (uint) {
    return uint(uint160(token));
  }

  /// @notice The token behind a subId (the inverse of subIdOf).
  function tokenOf(uint subId) public pure returns (address) {
    // forge-lint: disable-next-line(unsafe-typecast) subIds above uint160 are refused in handleAdjustment
    return address(uint160(subId));
  }

  /// @notice Pull `amount` of `token` (its own decimals) from the caller into this contract and
  ///         credit `recipientAccount` with amount * 10^(18 - decimals) at subId uint160(token).
  function deposit(uint recipientAccount, address token, uint amount) external {
    if (amount == 0) revert CCA_ZeroAmount();
    TokenInfo memory info = tokens[token];
    if (!info.allowed) revert CCA_TokenNotAllowed(token);
    IERC20Metadata(token).safeTransferFrom(msg.sender, address(this), amount);
    uint amount18 = Decimals.to18(amount, info.decimals);
    subAccounts.assetAdjustment(
      ISubAccounts.AssetAdjustment({
        acc: recipientAccount,
        asset: IAsset(address(this)),
        subId: subIdOf(token),
        amount: amount18.toInt256(),
        assetData: bytes32(0)
      }),
      true,
      ""
    );
    emit Deposit(recipientAccount, token, msg.sender, amount, amount18);
  }

  /// @notice Debit the caller's account and return `amount` of `token` (its own decimals) to
  ///         `recipient`, which the custody token must accept (its holder or an allow-listed address).
  function withdraw(uint accountId, address token, uint amount, address recipient) external {
    if (amount == 0) revert CCA_ZeroAmount();
    _requireAccountOwner(accountId);
    TokenInfo memory info = tokens[token];
    if (!info.known) revert CCA_TokenNotAllowed(token);
    uint amount18 = Decimals.to18(amount, info.decimals);
    subAccounts.assetAdjustment(
      ISubAccounts.AssetAdjustment({
        acc: accountId,
        asset: IAsset(address(this)),
        subId: subIdOf(token),
        amount: -amount18.toInt256(),
        assetData: bytes32(0)
      }),
      true,
      ""
    );
    IERC20Metadata(token).safeTransfer(recipient, amount);
    emit Withdraw(accountId, token, recipient, amount, amount18);
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
    if (adjustment.subId > type(uint160).max || !tokens[tokenOf(adjustment.subId)].known) {
      revert CCA_UnknownSubId(adjustment.subId);
    }
    finalBalance = preBalance + adjustment.amount;
    if (finalBalance < 0) revert CCA_CannotBeNegative(adjustment.acc, finalBalance);
    needAllowance = adjustment.amount < 0;
  }
}
