// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./base/Fixture.sol";
import {PerpAsset} from "../src/assets/PerpAsset.sol";
import {AssetBase} from "../src/assets/AssetBase.sol";
import {StandardManager} from "../src/risk/StandardManager.sol";
import {ISubAccounts} from "../src/interfaces/ISubAccounts.sol";
import {IAsset} from "../src/interfaces/IAsset.sol";
import {IManager} from "../src/interfaces/IManager.sol";

contract PerpAssetTest is Fixture {
  uint internal a; // alice: the seller in most tests
  uint internal b; // bob: the buyer

  function setUp() public override {
    super.setUp();
    a = _fundedAccount(alice, 10_000e6);
    b = _fundedAccount(bob, 10_000e6);
  }

  function _position(uint accountId)
    internal
    view
    returns (uint lastMarkPrice, int funding, int pnl, int lastAggregatedFunding)
  {
    (uint128 m, int128 f, int128 p, int128 l) = perp.positions(accountId);
    return (m, f, p, l);
  }

  function test_prices() public {
    (uint price, uint confidence) = perp.getPerpPrice();
    assertEq(price, BTC, "initial perp price");
    assertEq(confidence, 1e18, "confidence");
    (price,) = perp.getIndexPrice();
    assertEq(price, BTC, "initial index price");
    assertEq(perp.underlying(), "BTC", "underlying");

    vm.expectEmit(true, true, true, true, address(perp));
    emit PerpAsset.PerpPriceUpdated(61_000e18);
    perp.setPerpPrice(61_000e18);
    vm.expectEmit(true, true, true, true, address(perp));
    emit PerpAsset.IndexPriceUpdated(60_500e18);
    perp.setIndexPrice(60_500e18);
    (price,) = perp.getPerpPrice();
    assertEq(price, 61_000e18, "perp price set");
    (price,) = perp.getIndexPrice();
    assertEq(price, 60_500e18, "index price set");
  }

  function test_prices_onlyOracle() public {
    vm.expectRevert(abi.encodeWithSelector(PerpAsset.PA_OnlyOracle.selector, alice));
    vm.prank(alice);
    perp.setPerpPrice(1e18);
    vm.expectRevert(abi.encodeWithSelector(PerpAsset.PA_OnlyOracle.selector, alice));
    vm.prank(alice);
    perp.setIndexPrice(1e18);
    vm.expectRevert(PerpAsset.PA_NoPrice.selector);
    perp.setPerpPrice(0);
  }

  function test_trade_openAndCloseRealizesPnl() public {
    _trade(a, b, 1e18, BTC); // bob long 1 at 60,000
    assertEq(_size(b), 1e18, "bob long");
    assertEq(_size(a), -1e18, "alice short");
    assertEq(_cash(b), 10_000e18, "no cash moves at the mark");
    (uint mark,,,) = _position(b);
    assertEq(mark, BTC, "marked at entry");

    perp.setPerpPrice(61_000e18);

    vm.expectEmit(true, true, true, true, address(perp));
    emit PerpAsset.PositionSettled(b, 1_000e18, 1_000e18, 61_000e18);
    vm.expectEmit(true, true, true, true, address(manager));
    emit StandardManager.PerpSettled(b, address(perp), 1_000e18, 0);
    _trade(b, a, 1e18, 61_000e18); // bob sells 1 to close

    assertEq(_size(b), 0, "bob flat");
    assertEq(_size(a), 0, "alice flat");
    assertEq(_cash(b), 11_000e18, "bob +1000 realized");
    assertEq(_cash(a), 9_000e18, "alice -1000 realized");
    (uint lastMark, int funding, int pnl,) = _position(b);
    assertEq(pnl, 0, "realized pnl settled into cash");
    assertEq(funding, 0, "no funding in the same block");
    assertEq(lastMark, 61_000e18, "last mark");
    assertEq(perp.getUnsettledAndUnrealizedCash(b), 0, "nothing left");
  }

  function test_trade_partialCloseMarksWholePosition() public {
    _trade(a, b, 2e18, BTC);
    perp.setPerpPrice(62_000e18);
    _trade(b, a, 0.5e18, 62_000e18);
    assertEq(_size(b), 1.5e18, "1.5 left");
    // the whole position is marked: 2 x 2,000 realized; the remaining 1.5 now starts at 62,000
    assertEq(_cash(b), 14_000e18, "bob cash");
    assertEq(perp.getUnsettledAndUnrealizedCash(b), 0, "re-marked");
    perp.setPerpPrice(63_000e18);
    assertEq(perp.getUnsettledAndUnrealizedCash(b), 1_500e18, "1.5 x 1,000 unrealized");
  }

  function test_unrealizedPnlSign() public {
    _trade(a, b, 1e18, BTC);
    perp.setPerpPrice(59_000e18);
    assertEq(perp.getUnsettledAndUnrealizedCash(b), -1_000e18, "long loses when the price falls");
    assertEq(perp.getUnsettledAndUnrealizedCash(a), 1_000e18, "short gains when the price falls");
    perp.setPerpPrice(62_000e18);
    assertEq(perp.getUnsettledAndUnrealizedCash(b), 2_000e18, "long gains when the price rises");
    assertEq(perp.getUnsettledAndUnrealizedCash(a), -2_000e18, "short loses when the price rises");
    // unrealized is not cash yet
    assertEq(_cash(b), 10_000e18, "cash unchanged");
  }

  function test_fundingRate_premiumOverConvergencePeriod() public {
    perp.setPerpPrice(60_600e18); // premium 600 / 60,000 = 1 %
    assertEq(perp.getFundingRate(), 0.00125e18, "1 % / 8 h");
    perp.setStaticInterestRate(0.0000125e18);
    assertEq(perp.getFundingRate(), 0.0012625e18, "+ static rate");
    perp.setConvergencePeriod(4);
    assertEq(perp.getFundingRate(), 0.0025125e18, "1 % / 4 h + static");
    perp.setPerpPrice(59_400e18);
    assertEq(perp.getFundingRate(), -0.0024875e18, "negative premium");
  }

  function test_fundingRate_capped() public {
    perp.setPerpPrice(66_000e18); // premium 10 % / 8 = 1.25 % > cap 0.5 %
    assertEq(perp.getFundingRate(), 0.005e18, "capped high");
    perp.setPerpPrice(54_000e18);
    assertEq(perp.getFundingRate(), -0.005e18, "capped low");
  }

  function test_fundingAccrual_overWarpedTime() public {
    _trade(a, b, 1e18, BTC); // bob long 1, alice short 1
    perp.setPerpPrice(60_600e18); // rate 0.125 % per hour
    vm.warp(block.timestamp + 2 hours);

    // aggregated: 0.00125 x 2 h x 60,000 index = 150 per contract
    assertEq(perp.getAggregatedFunding(), 150e18, "aggregated funding");
    // long: +600 unrealized pnl - 150 funding; short: the opposite
    assertEq(perp.getUnsettledAndUnrealizedCash(b), 450e18, "long pays funding");
    assertEq(perp.getUnsettledAndUnrealizedCash(a), -450e18, "short receives funding");

    vm.expectEmit(true, true, true, true, address(manager));
    emit StandardManager.PerpSettled(b, address(perp), 600e18, -150e18);
    manager.settlePerpsWithIndex(b);
    assertEq(_cash(b), 10_450e18, "settled into cash");
    (uint lastMark, int funding, int pnl, int lastAgg) = _position(b);
    assertEq(lastMark, 60_600e18, "re-marked");
    assertEq(pnl, 0, "pnl cleared");
    assertEq(funding, 0, "funding cleared");
    assertEq(lastAgg, 150e18, "last aggregated funding");
    assertEq(int(perp.aggregatedFunding()), 150e18, "stored aggregated funding");
    assertEq(perp.getUnsettledAndUnrealizedCash(b), 0, "nothing unsettled");

    // another hour at the same prices: 75 more
    vm.warp(block.timestamp + 1 hours);
    assertEq(perp.getUnsettledAndUnrealizedCash(b), -75e18, "next hour");
    assertEq(perp.getUnsettledAndUnrealizedCash(a), -600e18 + 225e18, "short: -600 + 3 h of funding");
  }

  function test_fundingAccrual_withStaticRate() public {
    perp.setStaticInterestRate(0.0000125e18);
    _trade(a, b, 2e18, BTC);
    vm.warp(block.timestamp + 8 hours);
    // perp = index: only the static rate: 0.0000125 x 8 h x 60,000 = 6 per contract; bob holds 2
    assertEq(perp.getUnsettledAndUnrealizedCash(b), -12e18, "long pays interest");
    assertEq(perp.getUnsettledAndUnrealizedCash(a), 12e18, "short receives it");
  }

  function test_fundingAccrual_usesPricesInForce() public {
    _trade(a, b, 1e18, BTC);
    perp.setPerpPrice(60_600e18);
    vm.warp(block.timestamp + 1 hours); // 75 accrues at 0.125 %/h
    perp.setPrices(60_000e18, 60_000e18); // accrues first, then rate 0
    vm.warp(block.timestamp + 5 hours);
    assertEq(perp.getAggregatedFunding(), 75e18, "only the first hour accrued");
    assertEq(perp.getUnsettledAndUnrealizedCash(b), -75e18, "long paid one hour");
  }

  function test_fundingUpdatedEvent() public {
    perp.setPerpPrice(60_600e18);
    vm.warp(block.timestamp + 1 hours);
    vm.expectEmit(true, true, true, true, address(perp));
    emit PerpAsset.FundingRateUpdated(75e18, 0.00125e18, block.timestamp);
    perp.updateFundingRate();
  }

  function test_newPositionDoesNotPayPastFunding() public {
    perp.setPerpPrice(60_600e18);
    vm.warp(block.timestamp + 10 hours);
    _trade(a, b, 1e18, 60_600e18);
    assertEq(perp.getUnsettledAndUnrealizedCash(b), 0, "opened after the funding accrued");
  }

  function test_settleRealizedPNLAndFunding_onlyManager() public {
    _trade(a, b, 1e18, BTC);
    vm.expectRevert(abi.encodeWithSelector(PerpAsset.PA_WrongManager.selector, alice, b));
    vm.prank(alice);
    perp.settleRealizedPNLAndFunding(b);
  }

  function test_settleRealizedPNLAndFunding_returnsAndClears() public {
    _trade(a, b, 1e18, BTC);
    perp.setPerpPrice(61_000e18);
    vm.expectEmit(true, true, true, true, address(perp));
    emit PerpAsset.PositionSettled(b, 1_000e18, 1_000e18, 61_000e18);
    perp.realizePNLWithMark(b);
    (,, int pnlBefore,) = _position(b);
    assertEq(pnlBefore, 1_000e18, "realized, not settled");

    vm.prank(address(manager));
    (int pnl, int funding) = perp.settleRealizedPNLAndFunding(b);
    assertEq(pnl, 1_000e18, "pnl returned");
    assertEq(funding, 0, "funding returned");
    (,, int pnlAfter,) = _position(b);
    assertEq(pnlAfter, 0, "cleared");
  }

  function test_handleAdjustment_onlySubAccounts() public {
    vm.expectRevert(AssetBase.Asset_OnlySubAccounts.selector);
    perp.handleAdjustment(
      ISubAccounts.AssetAdjustment(b, IAsset(address(perp)), 0, 1e18, bytes32(0)), 0, 0, IManager(address(manager)), bob
    );
  }

  function test_subIdMustBeZero() public {
    uint a2 = _newAccount(alice);
    vm.expectRevert(abi.encodeWithSelector(PerpAsset.PA_InvalidSubId.selector, 1));
    vm.prank(alice);
    subAccounts.submitTransfer(ISubAccounts.AssetTransfer(a, a2, IAsset(address(perp)), 0 + 1, 1e18, 0), "");
  }

  function test_positionChangeNeedsConsentOfBothSides() public {
    // alice may not push a position onto bob's account
    vm.expectRevert(abi.encodeWithSelector(ISubAccounts.AC_NotOwnerOrApproved.selector, alice, b));
    vm.prank(alice);
    subAccounts.submitTransfer(ISubAccounts.AssetTransfer(a, b, IAsset(address(perp)), 0, 1e18, 0), "");
  }
}
