// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {Fixture} from "./base/Fixture.sol";
import {TradeExecutor} from "../src/TradeExecutor.sol";
import {ISubAccounts} from "../src/interfaces/ISubAccounts.sol";

contract TradeExecutorTest is Fixture {
  uint internal a;
  uint internal b;

  function setUp() public override {
    super.setUp();
    a = _fundedAccount(alice, 10_000e6);
    b = _fundedAccount(bob, 10_000e6);
  }

  function test_trade_onlyExecutor() public {
    vm.expectRevert(abi.encodeWithSelector(TradeExecutor.TE_OnlyExecutor.selector, alice));
    vm.prank(alice);
    executor.trade(a, b, address(perp), 1e18, BTC);
  }

  function test_setExecutor_onlyOwner() public {
    vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
    vm.prank(alice);
    executor.setExecutor(alice, true);
  }

  function test_trade_atMarkMovesOnlyThePosition() public {
    vm.expectEmit(true, true, true, true, address(executor));
    emit TradeExecutor.Trade(3, a, b, address(perp), 1e18, BTC, BTC, 0); // deposits were trades 1 and 2
    uint tradeId = _trade(a, b, 1e18, BTC);
    assertEq(tradeId, 3, "SubAccounts trade id");
    assertEq(_size(b), 1e18, "buyer long");
    assertEq(_size(a), -1e18, "seller short");
    assertEq(_cash(a), 10_000e18, "seller cash");
    assertEq(_cash(b), 10_000e18, "buyer cash");
  }

  function test_trade_aboveMarkBuyerPaysTheDifference() public {
    vm.expectEmit(true, true, true, true, address(subAccounts));
    emit ISubAccounts.AssetTransferred(b, a, address(cash), 0, 50e18, bytes32(0), 3);
    _trade(a, b, 0.5e18, 60_100e18); // (60,100 - 60,000) x 0.5 = 50
    assertEq(_cash(b), 9_950e18, "buyer paid 50");
    assertEq(_cash(a), 10_050e18, "seller got 50");
    assertEq(manager.getMargin(b, true) + manager.getMargin(a, true), 20_000e18 - 2 * 1_980e18, "zero-sum but IM");
  }

  function test_trade_belowMarkSellerPaysTheDifference() public {
    _trade(a, b, 2e18, 59_900e18); // (59,900 - 60,000) x 2 = -200: the seller pays
    assertEq(_cash(b), 10_200e18, "buyer received 200");
    assertEq(_cash(a), 9_800e18, "seller paid 200");
  }

  function test_trade_negativeSizeReversesSides() public {
    _trade(a, b, -1e18, BTC);
    assertEq(_size(a), 1e18, "fromAcc bought");
    assertEq(_size(b), -1e18, "toAcc sold");
  }

  function test_trade_closeRealizesPnlForTheClosedPart() public {
    _trade(a, b, 1e18, 60_000e18);
    perp.setPerpPrice(61_000e18);
    _trade(b, a, 1e18, 61_500e18); // bob sells 1 at 61,500 with the mark at 61,000
    // bob: 1,000 marked + 500 above the mark
    assertEq(_cash(b), 11_500e18, "bob");
    assertEq(_cash(a), 8_500e18, "alice");
    assertEq(_size(b), 0, "flat");
  }

  function test_trade_validation() public {
    vm.expectRevert(TradeExecutor.TE_ZeroSize.selector);
    _trade(a, b, 0, BTC);
    vm.expectRevert(TradeExecutor.TE_ZeroPrice.selector);
    _trade(a, b, 1e18, 0);
  }

  function test_trade_needsTrustedCallerInSubAccounts() public {
    subAccounts.setTrustedCaller(address(executor), false);
    vm.expectRevert(abi.encodeWithSelector(ISubAccounts.AC_NotOwnerOrApproved.selector, address(executor), a));
    _trade(a, b, 1e18, BTC);
  }
}
