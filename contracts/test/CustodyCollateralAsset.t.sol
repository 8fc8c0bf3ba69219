// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {Fixture} from "./base/Fixture.sol";
import {CustodyCollateralAsset} from "../src/assets/CustodyCollateralAsset.sol";
import {CustodyToken} from "../src/custody/CustodyToken.sol";
import {AssetBase} from "../src/assets/AssetBase.sol";
import {ISubAccounts} from "../src/interfaces/ISubAccounts.sol";
import {IAsset} from "../src/interfaces/IAsset.sol";

contract CustodyCollateralAssetTest is Fixture {
  CustodyToken internal btc;
  uint internal btcSubId;
  uint internal a;

  function setUp() public override {
    super.setUp();
    btc = _custodyToken(alice, "BTC", 1.5e8); // 1.5 BTC, 8 decimals
    btcSubId = uint(uint160(address(btc)));
    a = _newAccount(alice);
  }

  function _collateral(uint accountId, CustodyToken token) internal view returns (int) {
    return subAccounts.getBalance(accountId, IAsset(address(collateral)), uint(uint160(address(token))));
  }

  function test_factoryTokenIsListed() public view {
    (bool allowed, bool known, uint8 decimals) = collateral.tokens(address(btc));
    assertTrue(allowed && known, "listed by the factory");
    assertEq(uint(decimals), 8, "decimals read from the token");
    assertEq(collateral.subIdOf(address(btc)), btcSubId, "subId = uint160(token)");
    assertEq(collateral.tokenOf(btcSubId), address(btc), "token from subId");
  }

  function test_deposit_pullsCustodyTokenAndCredits18Decimals() public {
    vm.startPrank(alice);
    btc.approve(address(collateral), 0.5e8);
    vm.expectEmit(true, true, true, true, address(collateral));
    emit CustodyCollateralAsset.Deposit(a, address(btc), alice, 0.5e8, 0.5e18);
    collateral.deposit(a, address(btc), 0.5e8);
    vm.stopPrank();

    assertEq(_collateral(a, btc), 0.5e18, "0.5 BTC = 0.5e18");
    assertEq(btc.balanceOf(address(collateral)), 0.5e8, "escrowed");
    assertEq(btc.balanceOf(alice), 1e8, "rest stays with the holder");
    assertEq(btc.totalSupply(), 1.5e8, "deposit does not change the supply");
  }

  function test_deposit_eighteenDecimalToken() public {
    CustodyToken eth = _custodyToken(alice, "ETH", 2e18);
    _depositCollateral(alice, a, eth, 1.25e18);
    assertEq(_collateral(a, eth), 1.25e18, "18-decimal token unchanged");
  }

  function test_deposit_unlistedTokenReverts() public {
    usdc.mint(alice, 1e6);
    vm.startPrank(alice);
    usdc.approve(address(collateral), 1e6);
    vm.expectRevert(abi.encodeWithSelector(CustodyCollateralAsset.CCA_TokenNotAllowed.selector, address(usdc)));
    collateral.deposit(a, address(usdc), 1e6);
    vm.stopPrank();
  }

  function test_deposit_needsTheTokenToAllowThisDestination() public {
    // a custody token made outside the factory: listed here, but it does not allow the escrow
    CustodyToken t = new CustodyToken("x", "x", 8, alice, "copper", "BTC");
    t.grantRole(t.MINTER_ROLE(), address(this));
    t.guardMint(alice, 1e8, 0);
    collateral.setAllowedToken(address(t), true);
    vm.startPrank(alice);
    t.approve(address(collateral), 1e8);
    vm.expectRevert(abi.encodeWithSelector(CustodyToken.DestinationNotAllowed.selector, address(collateral)));
    collateral.deposit(a, address(t), 1e8);
    vm.stopPrank();
  }

  function test_withdraw_returnsTokenToHolder() public {
    _depositCollateral(alice, a, btc, 1e8);
    vm.expectEmit(true, true, true, true, address(collateral));
    emit CustodyCollateralAsset.Withdraw(a, address(btc), alice, 0.4e8, 0.4e18);
    vm.prank(alice);
    collateral.withdraw(a, address(btc), 0.4e8, alice);
    assertEq(_collateral(a, btc), 0.6e18, "remaining");
    assertEq(btc.balanceOf(alice), 0.9e8, "holder got it back");
  }

  function test_withdraw_toNonHolderBlockedByToken() public {
    _depositCollateral(alice, a, btc, 1e8);
    vm.expectRevert(abi.encodeWithSelector(CustodyToken.DestinationNotAllowed.selector, bob));
    vm.prank(alice);
    collateral.withdraw(a, address(btc), 1e8, bob);
  }

  function test_withdraw_onlyOwner() public {
    _depositCollateral(alice, a, btc, 1e8);
    vm.expectRevert(abi.encodeWithSelector(AssetBase.Asset_OnlyAccountOwner.selector, bob, a));
    vm.prank(bob);
    collateral.withdraw(a, address(btc), 1e8, alice);
  }

  function test_withdraw_cannotGoNegative() public {
    _depositCollateral(alice, a, btc, 0.1e8);
    vm.expectRevert(abi.encodeWithSelector(CustodyCollateralAsset.CCA_CannotBeNegative.selector, a, -0.1e18));
    vm.prank(alice);
    collateral.withdraw(a, address(btc), 0.2e8, alice);
  }

  function test_transferBetweenAccounts() public {
    _depositCollateral(alice, a, btc, 1e8);
    uint b = _newAccount(bob);
    vm.prank(alice);
    subAccounts.submitTransfer(ISubAccounts.AssetTransfer(a, b, IAsset(address(collateral)), btcSubId, 0.3e18, 0), "");
    assertEq(_collateral(a, btc), 0.7e18, "from");
    assertEq(_collateral(b, btc), 0.3e18, "to");
  }

  function test_transfer_unknownSubIdReverts() public {
    _depositCollateral(alice, a, btc, 1e8);
    uint b = _newAccount(bob);
    vm.expectRevert(abi.encodeWithSelector(CustodyCollateralAsset.CCA_UnknownSubId.selector, 42));
    vm.prank(alice);
    subAccounts.submitTransfer(ISubAccounts.AssetTransfer(a, b, IAsset(address(collateral)), 42, 1, 0), "");
  }

  function test_delistedToken_stopsDepositsButAllowsWithdrawals() public {
    _depositCollateral(alice, a, btc, 1e8);
    collateral.setAllowedToken(address(btc), false);
    vm.startPrank(alice);
    btc.approve(address(collateral), 0.1e8);
    vm.expectRevert(abi.encodeWithSelector(CustodyCollateralAsset.CCA_TokenNotAllowed.selector, address(btc)));
    collateral.deposit(a, address(btc), 0.1e8);
    collateral.withdraw(a, address(btc), 1e8, alice);
    vm.stopPrank();
    assertEq(_collateral(a, btc), 0, "withdrawn after delisting");
  }

  function test_setAllowedToken_onlyOwnerOrLister() public {
    vm.expectRevert(abi.encodeWithSelector(CustodyCollateralAsset.CCA_NotLister.selector, bob));
    vm.prank(bob);
    collateral.setAllowedToken(address(usdc), true);
    vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, bob));
    vm.prank(bob);
    collateral.setTokenLister(bob, true);
  }

  function test_collateralCountsInMargin() public {
    _depositCollateral(alice, a, btc, 0.5e8);
    assertEq(manager.getMargin(a, true), 0, "unpriced collateral counts 0");
    manager.setCollateralSpot(btcSubId, BTC);
    manager.setCollateralMarginFactor(btcSubId, 0.8e18);
    // 0.5 x 60,000 x 0.8
    assertEq(manager.getMargin(a, true), 24_000e18, "IM");
    assertEq(manager.getMargin(a, false), 24_000e18, "MM");
  }
}
