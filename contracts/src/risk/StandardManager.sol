// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SignedMath} from "@openzeppelin/contracts/utils/math/SignedMath.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ISubAccounts} from "../interfaces/ISubAccounts.sol";
import {IAsset} from "../interfaces/IAsset.sol";
import {IManager} from "../interfaces/IManager.sol";
import {IPerpAsset} from "../interfaces/IPerpAsset.sol";
import {ICashAsset} from "../interfaces/ICashAsset.sol";

/// @title StandardManager
/// @notice The risk manager of CustodySettle accounts, after Derive v2-core's StandardManager
///         (src/risk/StandardManager.sol) restricted to cash, custody-token collateral and perps:
///
///           margin = cash
///                  + sum over collateral of  spot x quantity x marginFactor
///                  + sum over perps of  unsettled and unrealized cash - |size| x perpPrice x rate
///
///         with rate = the perp's maintenance (MM) or initial (IM) margin rate; Derive publishes
///         0.05 and 0.066 for BTC and ETH perps. A negative margin means under-margined: below MM
///         the account is liquidatable, below IM it may not add risk.
///
///         After every trade, deposit or withdrawal the manager settles the touched perps' PnL and
///         funding into cash (emitting PerpSettled) and then requires the account's initial margin
///         to be >= 0, unless the change does not lower the initial margin (a risk-reducing trade or
///         a deposit), as Derive lets risk-reducing trades through under-margined accounts.
/// @dev Simplified against Derive: no options, no spot-shock scenarios, no liquidation auction,
///      no OI caps; collateral prices and margin factors are set per collateral subId by the owner
///      or an oracle role instead of coming from feeds. Numbers are 18-decimal fixed point.
contract StandardManager is IManager, Ownable {
  using SafeCast for uint;
  using SafeCast for int;

  /// @notice Derive's published perp maintenance margin rate for BTC and ETH (5 %).
  uint public constant DEFAULT_PERP_MM_RATE = 0.05e18;
  /// @notice Derive's published perp initial margin rate for BTC and ETH (6.6 %).
  uint public constant DEFAULT_PERP_IM_RATE = 0.066e18;

  struct PerpMarginRates {
    bool listed;
    uint mmRate;
    uint imRate;
  }

  struct CollateralParams {
    // value of 1.0 unit of the underlying, 18 decimals
    uint spot;
    // share of the value that counts as margin, 18 decimals (<= 1e18)
    uint marginFactor;
  }

  ISubAccounts public immutable subAccounts;
  ICashAsset public immutable cashAsset;
  IAsset public collateralAsset;

  /// @notice Perps this manager margins, in the order they were listed.
  IPerpAsset[] public perps;
  mapping(address perp => PerpMarginRates) public perpMarginRates;
  mapping(uint subId => CollateralParams) public collateralParams;
  mapping(address oracle => bool) public isOracle;

  event PerpSettled(uint indexed accountId, address perp, int pnl, int funding);
  event PerpMarginRatesSet(address indexed perp, uint mmRate, uint imRate);
  event CollateralAssetSet(address indexed collateralAsset);
  event CollateralSpotSet(uint indexed subId, uint spot);
  event CollateralMarginFactorSet(uint indexed subId, uint marginFactor);
  event OracleSet(address indexed oracle, bool allowed);

  error SRM_OnlySubAccounts();
  error SRM_OnlyOracleOrOwner(address caller);
  error SRM_NotManagedHere(uint accountId);
  error SRM_UnsupportedAsset(address asset, uint subId);
  error SRM_InvalidRates(uint mmRate, uint imRate);
  error SRM_InvalidMarginFactor(uint marginFactor);
  /// @dev The account's initial margin after the change (negative) and before it.
  error SRM_PortfolioBelowMargin(uint accountId, int marginAfter, int marginBefore);

  constructor(ISubAccounts subAccounts_, ICashAsset cashAsset_, IAsset collateralAsset_, address initialOwner)
    Ownable(initialOwner)
  {
    subAccounts = subAccounts_;
    cashAsset = cashAsset_;
    collateralAsset = collateralAsset_;
    emit CollateralAssetSet(address(collateralAsset_));
  }

  ////////////////////
  // Administration //
  ////////////////////

  function setOracle(address oracle, bool allowed) external onlyOwner {
    isOracle[oracle] = allowed;
    emit OracleSet(oracle, allowed);
  }

  function setCollateralAsset(IAsset collateralAsset_) external onlyOwner {
    collateralAsset = collateralAsset_;
    emit CollateralAssetSet(address(collateralAsset_));
  }

  /// @notice Lists `perp` (first call) and sets its margin rates; 0 < mmRate <= imRate <= 1e18.
  function setPerpMarginRates(IPerpAsset perp, uint mmRate, uint imRate) external onlyOwner {
    if (mmRate == 0 || mmRate > imRate || imRate > 1e18) revert SRM_InvalidRates(mmRate, imRate);
    PerpMarginRates storage rates = perpMarginRates[address(perp)];
    if (!rates.listed) {
      rates.listed = true;
      perps.push(perp);
    }
    rates.mmRate = mmRate;
    rates.imRate = imRate;
    emit PerpMarginRatesSet(address(perp), mmRate, imRate);
  }

  /// @notice Value of 1.0 unit of the collateral held at `subId` (18 decimals).
  function setCollateralSpot(uint subId, uint spot) external {
    if (msg.sender != owner() && !isOracle[msg.sender]) revert SRM_OnlyOracleOrOwner(msg.sender);
    collateralParams[subId].spot = spot;
    emit CollateralSpotSet(subId, spot);
  }

  /// @notice Share of the collateral's value that counts as margin (the CSA valuation percentage).
  function setCollateralMarginFactor(uint subId, uint marginFactor) external onlyOwner {
    if (marginFactor > 1e18) revert SRM_InvalidMarginFactor(marginFactor);
    collateralParams[subId].marginFactor = marginFactor;
    emit CollateralMarginFactorSet(subId, marginFactor);
  }

  ///////////////////
  // Manager hook //
  ///////////////////

  /// @inheritdoc IManager
  function handleAdjustment(
    uint accountId,
    uint, /*tradeId*/
    address, /*caller*/
    ISubAccounts.AssetDelta[] memory deltas,
    bytes memory /*managerData*/
  ) external {
    if (msg.sender != address(subAccounts)) revert SRM_OnlySubAccounts();

    // Settle the touched perps first so their realized PnL and funding are cash before the check
    // (Derive's manager does the same in its hook). Settlement moves value from "unsettled" to
    // cash and leaves the margin unchanged.
    for (uint i; i < deltas.length; ++i) {
      address asset = address(deltas[i].asset);
      if (perpMarginRates[asset].listed) {
        _settlePerp(accountId, IPerpAsset(asset));
      } else if (asset != address(cashAsset) && asset != address(collateralAsset)) {
        revert SRM_UnsupportedAsset(asset, deltas[i].subId);
      }
    }

    int marginAfter = getMargin(accountId, true);
    if (marginAfter >= 0) return;

    // Under initial margin: let the change through only if it did not make things worse.
    int marginBefore = marginAfter;
    for (uint i; i < deltas.length; ++i) {
      ISubAccounts.AssetDelta memory d = deltas[i];
      int post = subAccounts.getBalance(accountId, d.asset, d.subId);
      marginBefore -= _marginTerm(d.asset, d.subId, post, true) - _marginTerm(d.asset, d.subId, post - d.delta, true);
    }
    if (marginAfter < marginBefore) revert SRM_PortfolioBelowMargin(accountId, marginAfter, marginBefore);
  }

  ////////////////
  // Settlement //
  ////////////////

  /// @notice Marks every perp position of the account to its perp price and moves realized PnL and
  ///         funding into cash (Derive: BaseManager.settlePerpsWithIndex). Anyone may call it: the
  ///         result depends only on prices and positions, and the margin does not change.
  function settlePerpsWithIndex(uint accountId) external {
    if (address(subAccounts.manager(accountId)) != address(this)) revert SRM_NotManagedHere(accountId);
    for (uint i; i < perps.length; ++i) {
      IPerpAsset perp = perps[i];
      perp.realizePNLWithMark(accountId);
      _settlePerp(accountId, perp);
    }
  }

  //////////
  // View //
  //////////

  /// @notice The account's initial (isInitial) or maintenance margin; negative = under-margined.
  function getMargin(uint accountId, bool isInitial) public view returns (int margin) {
    ISubAccounts.AssetBalance[] memory balances = subAccounts.getAccountBalances(accountId);
    for (uint i; i < balances.length; ++i) {
      ISubAccounts.AssetBalance memory b = balances[i];
      margin += _marginTerm(b.asset, b.subId, b.balance, isInitial);
    }
    // Unsettled PnL and funding may exist without a position (e.g. a closed position not yet settled).
    for (uint i; i < perps.length; ++i) {
      margin += perps[i].getUnsettledAndUnrealizedCash(accountId);
    }
  }

  /// @notice Number of listed perps.
  function perpCount() external view returns (uint) {
    return perps.length;
  }

  /// @notice What one balance contributes to the margin, leaving out perps' unsettled cash.
  function _marginTerm(IAsset asset, uint subId, int balance, bool isInitial) internal view returns (int) {
    if (balance == 0) return 0;
    if (address(asset) == address(cashAsset)) return balance;
    if (address(asset) == address(collateralAsset)) {
      if (balance < 0) return balance; // cannot happen (the asset forbids it); count it in full
      CollateralParams memory p = collateralParams[subId];
      // forge-lint: disable-next-line(unsafe-typecast) balance > 0 here
      uint value = Math.mulDiv(uint(balance), p.spot, 1e18);
      return Math.mulDiv(value, p.marginFactor, 1e18).toInt256();
    }
    PerpMarginRates memory rates = perpMarginRates[address(asset)];
    if (rates.listed) {
      (uint price,) = IPerpAsset(address(asset)).getPerpPrice();
      uint notional = Math.mulDiv(SignedMath.abs(balance), price, 1e18);
      return -Math.mulDiv(notional, isInitial ? rates.imRate : rates.mmRate, 1e18).toInt256();
    }
    revert SRM_UnsupportedAsset(address(asset), subId);
  }

  function _settlePerp(uint accountId, IPerpAsset perp) internal {
    (int pnl, int funding) = perp.settleRealizedPNLAndFunding(accountId);
    int net = pnl + funding;
    if (net != 0) {
      subAccounts.managerAdjustment(
        ISubAccounts.AssetAdjustment({
          acc: accountId,
          asset: IAsset(address(cashAsset)),
          subId: 0,
          amount: net,
          assetData: bytes32(0)
        })
      );
      cashAsset.updateSettledCash(net);
    }
    emit PerpSettled(accountId, address(perp), pnl, funding);
  }
}
