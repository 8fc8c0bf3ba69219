// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {Fixture} from "./base/Fixture.sol";
import {StandardManager} from "../src/risk/StandardManager.sol";
import {CustodyToken} from "../src/custody/CustodyToken.sol";
import {ISubAccounts} from "../src/interfaces/ISubAccounts.sol";
import {PerpAsset} from "../src/assets/PerpAsset.sol";

contract StandardManagerTest is Fixture {
  function test_publishedPerpRates() public view {
    assertEq(manager.DEFAULT_PERP_MM_RATE(), 5e16, "MM 0.05");
    assertEq(manager.DEFAULT_PERP_IM_RATE(), 6.6e16, "IM 0.066");
    (bool listed, uint mm, uint im) = manager.perpMarginRates(address(perp));
    assertTrue(listed, "BTC perp listed");
    assertEq(mm, 5e16, "BTC MM");
    assertEq(im, 6.6e16, "BTC IM");
    assertEq(manager.perpCount(), 1, "one perp");
  }

  function test_getMargin_byHand() public {
    uint counterparty = _fundedAccount(alice, 1_000_000e6);
    uint b = _fundedAccount(bob, 10_000e6);
    CustodyToken btc = _custodyToken(bob, "BTC", 0.5e8);
    _depositCollateral(bob, b, btc, 0.5e8);
    uint subId = uint(uint160(address(btc)));
    manager.setCollateralSpot(subId, BTC);
    manager.setCollateralMarginFactor(subId, 0.8e18);
    _trade(counterparty, b, 2e18, BTC); // bob long 2 at 60,000
    perp.setPerpPrice(61_000e18); // +2,000 unrealized, no time passes so no funding

    // cash 10,000 + collateral 0.5 x 60,000 x 0.8 = 24,000 + unrealized 2,000 = 36,000
    // IM: 36,000 - 2 x 61,000 x 0.066 = 36,000 - 8,052
    assertEq(manager.getMargin(b, true), 27_948e18, "initial margin");
    // MM: 36,000 - 2 x 61,000 x 0.05 = 36,000 - 6,100
    assertEq(manager.getMargin(b, false), 29_900e18, "maintenance margin");

    // short side: cash 1,000,000 - 2,000 unrealized - 2 x 61,000 x rate
    assertEq(manager.getMargin(counterparty, true), 1_000_000e18 - 2_000e18 - 8_052e18, "short IM");
    assertEq(manager.getMargin(counterparty, false), 1_000_000e18 - 2_000e18 - 6_100e18, "short MM");
  }

  function test_getMargin_negativeWhenUnderMargined() public {
    uint counterparty = _fundedAccount(alice, 1_000_000e6);
    uint b = _fundedAccount(bob, 4_000e6);
    _trade(counterparty, b, 1e18, BTC); // IM 4,000 - 3,960 = 40
    assertEq(manager.getMargin(b, true), 40e18, "IM just above zero");
    perp.setPerpPrice(57_000e18);
    // cash 4,000 - 3,000 unrealized = 1,000; IM 1,000 - 3,762 ; MM 1,000 - 2,850
    assertEq(manager.getMargin(b, true), -2_762e18, "below IM");
    assertEq(manager.getMargin(b, false), -1_850e18, "below MM: liquidatable");
  }

  function test_trade_rejectedBelowInitialMargin() public {
    uint counterparty = _fundedAccount(alice, 1_000_000e6);
    uint b = _fundedAccount(bob, 1_000e6);
    // after: 1,000 - 3,960 ; before: 1,000
    vm.expectRevert(abi.encodeWithSelector(StandardManager.SRM_PortfolioBelowMargin.selector, b, -2_960e18, 1_000e18));
    _trade(counterparty, b, 1e18, BTC);
  }

  function test_trade_allowedExactlyAtInitialMargin() public {
    uint counterparty = _fundedAccount(alice, 1_000_000e6);
    uint b = _fundedAccount(bob, 3_960e6);
    _trade(counterparty, b, 1e18, BTC);
    assertEq(manager.getMargin(b, true), 0, "IM exactly 0");
  }

  function test_riskReducingTradeAllowedBelowInitialMargin() public {
    uint counterparty = _fundedAccount(alice, 1_000_000e6);
    uint b = _fundedAccount(bob, 4_000e6);
    _trade(counterparty, b, 1e18, BTC);
    perp.setPerpPrice(59_000e18);
    // cash 4,000 - 1,000 = 3,000 ; IM 3,000 - 59,000 x 0.066 = -894
    assertEq(manager.getMargin(b, true), -894e18, "under IM, above MM");

    // adding 0.01 makes it worse: 3,000 - 1.01 x 3,894 = -932.94
    vm.expectRevert(abi.encodeWithSelector(StandardManager.SRM_PortfolioBelowMargin.selector, b, -932.94e18, -894e18));
    _trade(counterparty, b, 0.01e18, 59_000e18);

    // selling 0.01 reduces risk: 3,000 - 0.99 x 3,894 = -855.06, allowed though still negative
    _trade(b, counterparty, 0.01e18, 59_000e18);
    assertEq(_size(b), 0.99e18, "reduced");
    assertEq(manager.getMargin(b, true), -855.06e18, "improved");
    assertEq(_cash(b), 3_000e18, "loss settled into cash by the trade");
  }

  function test_depositAllowedWhileUnderMargined() public {
    uint counterparty = _fundedAccount(alice, 1_000_000e6);
    uint b = _fundedAccount(bob, 4_000e6);
    _trade(counterparty, b, 1e18, BTC);
    perp.setPerpPrice(59_000e18);
    _depositCash(bob, b, 100e6);
    assertEq(manager.getMargin(b, true), -794e18, "deposit improves IM");
  }

  function test_withdrawLimitedByInitialMargin() public {
    uint counterparty = _fundedAccount(alice, 1_000_000e6);
    uint b = _fundedAccount(bob, 4_000e6);
    _trade(counterparty, b, 1e18, BTC); // IM 40
    vm.prank(bob);
    cash.withdraw(b, 40e6, bob);
    assertEq(manager.getMargin(b, true), 0, "withdrew the excess");
    vm.expectRevert(abi.encodeWithSelector(StandardManager.SRM_PortfolioBelowMargin.selector, b, -1e18, 0));
    vm.prank(bob);
    cash.withdraw(b, 1e6, bob);
  }

  function test_settlePerpsWithIndex_movesPnlAndFundingIntoCash() public {
    uint counterparty = _fundedAccount(alice, 1_000_000e6);
    uint b = _fundedAccount(bob, 10_000e6);
    _trade(counterparty, b, 1e18, BTC);
    perp.setPerpPrice(60_600e18); // +600 pnl; funding 0.125 %/h x 60,000 = 75/h
    vm.warp(block.timestamp + 4 hours); // -300 funding for the long
    int imBefore = manager.getMargin(b, true);

    vm.expectEmit(true, true, true, true, address(perp));
    emit PerpAsset.PositionSettled(b, 600e18, 600e18, 60_600e18);
    vm.expectEmit(true, true, true, true, address(manager));
    emit StandardManager.PerpSettled(b, address(perp), 600e18, -300e18);
    manager.settlePerpsWithIndex(b);

    assertEq(_cash(b), 10_300e18, "10,000 + 600 - 300");
    assertEq(manager.getMargin(b, true), imBefore, "settlement does not change the margin");
    assertEq(cash.netSettledCash(), 300e18, "cash printed for the net win");
  }

  function test_settlePerpsWithIndex_onlyOwnAccounts() public {
    uint foreign = subAccounts.createAccount(alice, StandardManager(address(0xBEEF)));
    vm.expectRevert(abi.encodeWithSelector(StandardManager.SRM_NotManagedHere.selector, foreign));
    manager.settlePerpsWithIndex(foreign);
  }

  function test_handleAdjustment_onlySubAccounts() public {
    vm.expectRevert(StandardManager.SRM_OnlySubAccounts.selector);
    manager.handleAdjustment(1, 1, alice, new ISubAccounts.AssetDelta[](0), "");
  }

  function test_admin_rolesAndValidation() public {
    vm.expectRevert(abi.encodeWithSelector(StandardManager.SRM_OnlyOracleOrOwner.selector, alice));
    vm.prank(alice);
    manager.setCollateralSpot(1, 1);

    manager.setOracle(carol, true);
    vm.expectEmit(true, true, true, true, address(manager));
    emit StandardManager.CollateralSpotSet(1, 2e18);
    vm.prank(carol);
    manager.setCollateralSpot(1, 2e18);
    (uint spot,) = manager.collateralParams(1);
    assertEq(spot, 2e18, "oracle set the spot");

    vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, carol));
    vm.prank(carol);
    manager.setCollateralMarginFactor(1, 0.5e18);

    vm.expectRevert(abi.encodeWithSelector(StandardManager.SRM_InvalidMarginFactor.selector, 1.1e18));
    manager.setCollateralMarginFactor(1, 1.1e18);
    vm.expectRevert(abi.encodeWithSelector(StandardManager.SRM_InvalidRates.selector, 0.1e18, 0.05e18));
    manager.setPerpMarginRates(perp, 0.1e18, 0.05e18);
  }
}
