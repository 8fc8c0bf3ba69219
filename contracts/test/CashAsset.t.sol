// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./base/Fixture.sol";
import {CashAsset} from "../src/assets/CashAsset.sol";
import {AssetBase} from "../src/assets/AssetBase.sol";
import {StandardManager} from "../src/risk/StandardManager.sol";
import {CustodyToken} from "../src/custody/CustodyToken.sol";
import {ISubAccounts} from "../src/interfaces/ISubAccounts.sol";
import {IAsset} from "../src/interfaces/IAsset.sol";
import {IManager} from "../src/interfaces/IManager.sol";

contract CashAssetTest is Fixture {
  function test_constructor_readsStableDecimals() public view {
    assertEq(address(cash.stableAsset()), address(usdc), "stable asset");
    assertEq(uint(cash.stableDecimals()), 6, "USDC decimals");
  }

  function test_deposit_creditsEighteenDecimals() public {
    uint a = _newAccount(alice);
    usdc.mint(alice, 1_234_500_000); // 1234.5 USDC
    vm.startPrank(alice);
    usdc.approve(address(cash), 1_234_500_000);
    vm.expectEmit(true, true, true, true, address(cash));
    emit CashAsset.Deposit(a, alice, 1_234.5e18, 1_234_500_000);
    cash.deposit(a, 1_234_500_000);
    vm.stopPrank();

    assertEq(_cash(a), 1_234.5e18, "balance = amount x 1e12");
    assertEq(usdc.balanceOf(address(cash)), 1_234_500_000, "USDC held by the cash asset");
    assertEq(usdc.balanceOf(alice), 0, "USDC left alice");
  }

  function test_deposit_intoSomeoneElsesAccount() public {
    uint b = _newAccount(bob);
    _depositCash(alice, b, 5e6);
    assertEq(_cash(b), 5e18, "anyone may credit an account");
  }

  function test_deposit_smallestUnit() public {
    uint a = _fundedAccount(alice, 1);
    assertEq(_cash(a), 1e12, "1 micro-USDC = 1e12");
  }

  function test_deposit_zeroReverts() public {
    uint a = _newAccount(alice);
    vm.expectRevert(CashAsset.CA_ZeroAmount.selector);
    cash.deposit(a, 0);
  }

  function test_deposit_refusesUnknownManager() public {
    uint a = subAccounts.createAccount(alice, IManager(address(0xBAD)));
    usdc.mint(alice, 1e6);
    vm.startPrank(alice);
    usdc.approve(address(cash), 1e6);
    vm.expectRevert(abi.encodeWithSelector(AssetBase.Asset_UnknownManager.selector, address(0xBAD)));
    cash.deposit(a, 1e6);
    vm.stopPrank();
  }

  function test_withdraw_debitsAndPaysRecipient() public {
    uint a = _fundedAccount(alice, 1_234_500_000);
    vm.expectEmit(true, true, true, true, address(cash));
    emit CashAsset.Withdraw(a, carol, 234.5e18, 234_500_000);
    vm.prank(alice);
    cash.withdraw(a, 234_500_000, carol);

    assertEq(_cash(a), 1_000e18, "remaining balance");
    assertEq(usdc.balanceOf(carol), 234_500_000, "recipient paid in 6 decimals");
    assertEq(usdc.balanceOf(address(cash)), 1_000e6, "USDC left in the cash asset");
  }

  function test_withdraw_all() public {
    uint a = _fundedAccount(alice, 10e6);
    vm.prank(alice);
    cash.withdraw(a, 10e6, alice);
    assertEq(_cash(a), 0, "empty");
    assertEq(subAccounts.getAccountBalances(a).length, 0, "nothing held");
  }

  function test_withdraw_onlyAccountOwner() public {
    uint a = _fundedAccount(alice, 10e6);
    vm.expectRevert(abi.encodeWithSelector(AssetBase.Asset_OnlyAccountOwner.selector, bob, a));
    vm.prank(bob);
    cash.withdraw(a, 1e6, bob);
  }

  function test_withdraw_overdrawWithoutCollateral_rejectedByManager() public {
    uint a = _fundedAccount(alice, 100e6);
    // after: -1e12 (under initial margin); before: 100e18
    vm.expectRevert(abi.encodeWithSelector(StandardManager.SRM_PortfolioBelowMargin.selector, a, -1e12, 100e18));
    vm.prank(alice);
    cash.withdraw(a, 100_000_001, alice);
  }

  function test_withdraw_overdrawAgainstCollateral_refusedByCash() public {
    uint a = _fundedAccount(alice, 100e6);
    CustodyToken btc = _custodyToken(alice, "BTC", 1e8);
    _depositCollateral(alice, a, btc, 1e8);
    manager.setCollateralSpot(uint(uint160(address(btc))), BTC);
    manager.setCollateralMarginFactor(uint(uint160(address(btc))), 0.8e18);
    // the manager would allow borrowing against 48,000 of collateral; cash has no lending market
    vm.expectRevert(abi.encodeWithSelector(CashAsset.CA_WithdrawExceedsBalance.selector, a, -1e18));
    vm.prank(alice);
    cash.withdraw(a, 101e6, alice);
  }

  function test_handleAdjustment_onlySubAccounts() public {
    vm.expectRevert(AssetBase.Asset_OnlySubAccounts.selector);
    cash.handleAdjustment(
      ISubAccounts.AssetAdjustment(1, IAsset(address(cash)), 0, 1e18, bytes32(0)), 0, 0, IManager(address(manager)), alice
    );
  }

  function test_onlySubIdZero() public {
    uint a = _fundedAccount(alice, 10e6);
    uint b = _newAccount(bob);
    vm.expectRevert(abi.encodeWithSelector(CashAsset.CA_OnlySubIdZero.selector, 1));
    vm.prank(alice);
    subAccounts.submitTransfer(ISubAccounts.AssetTransfer(a, b, IAsset(address(cash)), 1, 1e18, bytes32(0)), "");
  }

  function test_updateSettledCash_onlyWhitelistedManager() public {
    vm.expectRevert(abi.encodeWithSelector(AssetBase.Asset_UnknownManager.selector, alice));
    vm.prank(alice);
    cash.updateSettledCash(1e18);
  }

  function test_settledPerpPnl_keepsCashBackedIdentity() public {
    uint a = _fundedAccount(alice, 10_000e6);
    uint b = _fundedAccount(bob, 10_000e6);
    _trade(a, b, 1e18, BTC);
    perp.setPerpPrice(61_000e18);
    manager.settlePerpsWithIndex(b);
    // bob's +1000 is settled, alice's -1000 is still unsettled
    assertEq(cash.netSettledCash(), 1_000e18, "net settled");
    int total = _cash(a) + _cash(b);
    assertEq(total, int(usdc.balanceOf(address(cash)) * 1e12) + cash.netSettledCash(), "cash = USDC x 1e12 + settled");
    manager.settlePerpsWithIndex(a);
    assertEq(cash.netSettledCash(), 0, "zero-sum once both sides settle");
  }
}
