// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {AssetBase} from "./AssetBase.sol";
import {FixedPoint} from "../libraries/FixedPoint.sol";
import {ISubAccounts} from "../interfaces/ISubAccounts.sol";
import {IAsset} from "../interfaces/IAsset.sol";
import {IManager} from "../interfaces/IManager.sol";
import {IPerpAsset} from "../interfaces/IPerpAsset.sol";

/// @title PerpAsset
/// @notice A perpetual future on one underlying, after Derive v2-core's PerpAsset
///         (src/assets/PerpAsset.sol), with its signatures. An account's position size is its
///         SubAccounts balance at subId 0 (18 decimals, positive = long). The asset never moves
///         cash itself: it keeps, per account, realized PnL and funding that the account's manager
///         collects with settleRealizedPNLAndFunding and turns into cash.
///
///         Mark-to-market: whenever a position changes (or realizePNLWithMark is called) the whole
///         position's PnL since its last mark, (perpPrice - lastMarkPrice) x size, moves into the
///         realized pnl and lastMarkPrice becomes the perp price. A close therefore realizes the
///         closed portion's PnL, and the rest of the position is re-marked.
///
///         Funding (DOMAIN.md, after Derive): hourly rate = premium / convergencePeriod + static
///         interest rate, capped at +-maxRatePerHour, with premium = (perp - index) / index.
///         aggregatedFunding (cash per 1.0 contract) grows by rate x elapsed / 1 h x index price;
///         an account's funding = -size x (aggregatedFunding - its lastAggregatedFunding), so longs
///         pay shorts when the perp trades above the index.
/// @dev Differences from Derive: prices come from an oracle role calling setPerpPrice /
///      setIndexPrice instead of signed feeds (confidence is reported as 1e18); the premium uses the
///      perp price instead of impact bid/ask prices; the convergence period is configurable (Derive
///      hard-codes 8 h); aggregatedFunding already includes the index price (Derive multiplies by the
///      current index when applying it), which charges each interval at the index in force then.
///      Funding is accrued with the old prices before any price change.
contract PerpAsset is AssetBase, IPerpAsset {
  using SafeCast for uint;
  using SafeCast for int;
  using FixedPoint for int;

  struct PositionDetail {
    // perp price at which the position was last marked
    uint128 lastMarkPrice;
    // funding applied but not yet settled into cash
    int128 funding;
    // PnL realized but not yet settled into cash
    int128 pnl;
    // aggregatedFunding when funding was last applied to this account
    int128 lastAggregatedFunding;
  }

  /// @notice The underlying's ticker, e.g. "BTC".
  string public underlying;

  /// @notice Per account: lastMarkPrice, funding, pnl, lastAggregatedFunding.
  mapping(uint accountId => PositionDetail) public positions;

  mapping(address oracle => bool) public isOracle;

  uint public perpPrice;
  uint public indexPrice;
  uint public pricesUpdatedAt;

  /// @notice Cap on the absolute hourly funding rate (1e18 = 100 % per hour).
  int public immutable maxRatePerHour;

  /// @notice Hourly rate added to the premium term (Derive's staticInterestRate), >= 0.
  int128 public staticInterestRate;

  /// @notice Hours over which the premium is expected to converge (Derive: 8).
  uint public convergencePeriod = 8;

  /// @notice Funding per 1.0 contract accumulated since deployment, in cash (18 decimals).
  int128 public aggregatedFunding;

  uint64 public lastFundingPaidAt;

  event PerpPriceUpdated(uint price);
  event IndexPriceUpdated(uint price);
  event FundingRateUpdated(int aggregatedFunding, int fundingRate, uint lastFundingPaidAt);
  event PositionSettled(uint indexed account, int pnlChange, int totalPnl, uint perpPrice);
  event FundingApplied(uint indexed account, int fundingChange, int totalFunding, int aggregatedFunding);
  event StaticInterestRateUpdated(int rate);
  event ConvergencePeriodUpdated(uint hoursCount);
  event OracleSet(address indexed oracle, bool allowed);

  error PA_OnlyOracle(address caller);
  error PA_WrongManager(address caller, uint accountId);
  error PA_InvalidSubId(uint subId);
  error PA_NoPrice();
  error PA_InvalidStaticInterestRate(int rate);
  error PA_InvalidConvergencePeriod(uint hoursCount);

  constructor(ISubAccounts subAccounts_, string memory underlying_, int maxAbsRatePerHour, address initialOwner)
    AssetBase(subAccounts_, initialOwner)
  {
    underlying = underlying_;
    maxRatePerHour = maxAbsRatePerHour;
    lastFundingPaidAt = uint64(block.timestamp);
  }

  //////////////////////////
  // Owner and oracle role //
  //////////////////////////

  function setOracle(address oracle, bool allowed) external onlyOwner {
    isOracle[oracle] = allowed;
    emit OracleSet(oracle, allowed);
  }

  function setStaticInterestRate(int128 rate) external onlyOwner {
    if (rate < 0) revert PA_InvalidStaticInterestRate(rate);
    _updateFunding();
    staticInterestRate = rate;
    emit StaticInterestRateUpdated(rate);
  }

  function setConvergencePeriod(uint hoursCount) external onlyOwner {
    if (hoursCount == 0) revert PA_InvalidConvergencePeriod(hoursCount);
    _updateFunding();
    convergencePeriod = hoursCount;
    emit ConvergencePeriodUpdated(hoursCount);
  }

  /// @notice Mark (perp) price, 18 decimals. Funding up to now accrues at the old prices first.
  function setPerpPrice(uint price) external onlyOracle {
    _updateFunding();
    _setPerpPrice(price);
  }

  /// @notice Index (spot) price, 18 decimals. Funding up to now accrues at the old prices first.
  function setIndexPrice(uint price) external onlyOracle {
    _updateFunding();
    _setIndexPrice(price);
  }

  /// @notice Both prices with one funding accrual.
  function setPrices(uint perpPrice_, uint indexPrice_) external onlyOracle {
    _updateFunding();
    _setPerpPrice(perpPrice_);
    _setIndexPrice(indexPrice_);
  }

  ///////////////////
  // Account hooks //
  ///////////////////

  /// @inheritdoc IAsset
  /// @dev Before the size changes: accrue funding, apply it to the old size, and mark the old
  ///      position to the perp price (realizing its PnL). Any change of a perp position needs the
  ///      owner's consent (or the trusted TradeExecutor), whichever side it is on.
  function handleAdjustment(
    ISubAccounts.AssetAdjustment memory adjustment,
    uint, /*tradeId*/
    int preBalance,
    IManager manager,
    address /*caller*/
  ) external onlySubAccounts returns (int finalBalance, bool needAllowance) {
    _checkManager(address(manager));
    if (adjustment.subId != 0) revert PA_InvalidSubId(adjustment.subId);
    _updateFunding();
    _applyFunding(adjustment.acc, preBalance);
    _realizePNLWithMark(adjustment.acc, preBalance);
    finalBalance = preBalance + adjustment.amount;
    needAllowance = true;
  }

  //////////////////
  // Manager only //
  //////////////////

  /// @inheritdoc IPerpAsset
  /// @notice Returns and clears the account's realized PnL and funding (funding applied up to now);
  ///         the manager must credit pnl + funding to the account's cash.
  function settleRealizedPNLAndFunding(uint accountId) external returns (int pnl, int funding) {
    if (msg.sender != address(subAccounts.manager(accountId))) revert PA_WrongManager(msg.sender, accountId);
    _updateFunding();
    _applyFunding(accountId, _size(accountId));
    PositionDetail storage position = positions[accountId];
    pnl = position.pnl;
    funding = position.funding;
    position.pnl = 0;
    position.funding = 0;
  }

  ////////////
  // Public //
  ////////////

  /// @inheritdoc IPerpAsset
  /// @notice Marks the account's position to the current perp price (and applies funding).
  function realizePNLWithMark(uint accountId) external {
    int size = _size(accountId);
    _updateFunding();
    _applyFunding(accountId, size);
    _realizePNLWithMark(accountId, size);
  }

  /// @notice Accrues funding and applies it to the account.
  function applyFundingOnAccount(uint accountId) external {
    _updateFunding();
    _applyFunding(accountId, _size(accountId));
  }

  /// @notice Accrues funding up to now.
  function updateFundingRate() external {
    _updateFunding();
  }

  //////////
  // View //
  //////////

  /// @inheritdoc IPerpAsset
  function getPerpPrice() external view returns (uint price, uint confidence) {
    return (perpPrice, 1e18);
  }

  /// @inheritdoc IPerpAsset
  function getIndexPrice() external view returns (uint price, uint confidence) {
    return (indexPrice, 1e18);
  }

  /// @notice The current hourly funding rate (1e18 = 100 % per hour).
  function getFundingRate() external view returns (int) {
    return _fundingRate();
  }

  /// @notice aggregatedFunding as it would be if accrued now.
  function getAggregatedFunding() external view returns (int) {
    return _currentAggregatedFunding();
  }

  /// @inheritdoc IPerpAsset
  /// @notice What the account would receive (negative: pay) if everything were settled now:
  ///         unrealized PnL (perpPrice - lastMarkPrice) x size, funding not yet applied, and the
  ///         realized PnL and funding not yet settled into cash.
  function getUnsettledAndUnrealizedCash(uint accountId) external view returns (int totalCash) {
    int size = _size(accountId);
    PositionDetail memory position = positions[accountId];
    int unrealizedFunding = -size.mulDec(_currentAggregatedFunding() - position.lastAggregatedFunding);
    int unrealizedPnl = size == 0 ? int(0) : (perpPrice.toInt256() - int(uint(position.lastMarkPrice))).mulDec(size);
    return unrealizedPnl + unrealizedFunding + position.pnl + position.funding;
  }

  //////////////
  // Internal //
  //////////////

  function _size(uint accountId) internal view returns (int) {
    return subAccounts.getBalance(accountId, IAsset(address(this)), 0);
  }

  function _setPerpPrice(uint price) internal {
    if (price == 0 || price > type(uint128).max) revert PA_NoPrice();
    perpPrice = price;
    pricesUpdatedAt = block.timestamp;
    emit PerpPriceUpdated(price);
  }

  function _setIndexPrice(uint price) internal {
    if (price == 0 || price > type(uint128).max) revert PA_NoPrice();
    indexPrice = price;
    pricesUpdatedAt = block.timestamp;
    emit IndexPriceUpdated(price);
  }

  /// @dev premium / convergencePeriod + static rate, capped; 0 until both prices are known.
  function _fundingRate() internal view returns (int rate) {
    if (indexPrice == 0 || perpPrice == 0) return staticInterestRate;
    int index = indexPrice.toInt256();
    int premium = (perpPrice.toInt256() - index).divDec(index);
    rate = premium / convergencePeriod.toInt256() + staticInterestRate;
    if (rate > maxRatePerHour) rate = maxRatePerHour;
    else if (rate < -maxRatePerHour) rate = -maxRatePerHour;
  }

  /// @dev rate x elapsed / 1 h x index, computed in one division to keep precision.
  function _fundingSince(uint from) internal view returns (int) {
    // forge-lint: disable-next-line(block-timestamp) funding accrues with time by design
    if (block.timestamp <= from) return 0;
    int elapsed = (block.timestamp - from).toInt256();
    return _fundingRate() * elapsed * indexPrice.toInt256() / (1 hours * 1e18);
  }

  function _currentAggregatedFunding() internal view returns (int) {
    return aggregatedFunding + _fundingSince(lastFundingPaidAt);
  }

  function _updateFunding() internal {
    // forge-lint: disable-next-line(block-timestamp) nothing to accrue within one block
    if (block.timestamp == lastFundingPaidAt) return;
    int rate = _fundingRate();
    aggregatedFunding = (aggregatedFunding + _fundingSince(lastFundingPaidAt)).toInt128();
    lastFundingPaidAt = uint64(block.timestamp);
    emit FundingRateUpdated(aggregatedFunding, rate, block.timestamp);
  }

  /// @dev Funding owed on `size` since the account's last application: -size x delta aggregated.
  function _applyFunding(uint accountId, int size) internal {
    PositionDetail storage position = positions[accountId];
    int change = -size.mulDec(int(aggregatedFunding) - position.lastAggregatedFunding);
    position.lastAggregatedFunding = aggregatedFunding;
    if (change != 0) {
      position.funding = (position.funding + change).toInt128();
      emit FundingApplied(accountId, change, position.funding, aggregatedFunding);
    }
  }

  /// @dev Moves (perpPrice - lastMarkPrice) x size into realized pnl and re-marks the position.
  function _realizePNLWithMark(uint accountId, int size) internal {
    if (perpPrice == 0) revert PA_NoPrice();
    PositionDetail storage position = positions[accountId];
    int change = size == 0 ? int(0) : (perpPrice.toInt256() - int(uint(position.lastMarkPrice))).mulDec(size);
    // forge-lint: disable-next-line(unsafe-typecast) prices are checked to fit uint128 when set
    position.lastMarkPrice = uint128(perpPrice);
    position.pnl = (position.pnl + change).toInt128();
    emit PositionSettled(accountId, change, position.pnl, perpPrice);
  }

  modifier onlyOracle() {
    if (!isOracle[msg.sender]) revert PA_OnlyOracle(msg.sender);
    _;
  }
}
