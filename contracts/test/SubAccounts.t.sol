// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {Fixture} from "./base/Fixture.sol";
import {ISubAccounts} from "../src/interfaces/ISubAccounts.sol";
import {IAsset} from "../src/interfaces/IAsset.sol";
import {IManager} from "../src/interfaces/IManager.sol";
import {StandardManager} from "../src/risk/StandardManager.sol";
import {CustodyToken} from "../src/custody/CustodyToken.sol";

/// @dev An asset nobody listed: credits freely and asks no consent.
contract JunkAsset is IAsset {
  function handleAdjustment(ISubAccounts.AssetAdjustment memory adj, uint, int pre, IManager, address)
    external
    pure
    returns (int, bool)
  {
    return (pre + adj.amount, false);
  }
}

contract SubAccountsTest is Fixture {
  bytes32 internal constant MEMO = keccak256("trade memo");

  function _transfer(uint fromAcc, uint toAcc, IAsset asset, uint subId, int amount) internal returns (uint) {
    return subAccounts.submitTransfer(
      ISubAccounts.AssetTransfer({
        fromAcc: fromAcc,
        toAcc: toAcc,
        asset: asset,
        subId: subId,
        amount: amount,
        assetData: bytes32(0)
      }),
      ""
    );
  }

  function test_createAccount_mintsERC721AndSetsManager() public {
    vm.expectEmit(true, true, true, true, address(subAccounts));
    emit IERC721.Transfer(address(0), alice, 1);
    vm.expectEmit(true, true, true, true, address(subAccounts));
    emit ISubAccounts.AccountCreated(alice, 1, address(manager));
    uint a = _newAccount(alice);
    uint b = _newAccount(bob);

    assertEq(a, 1, "first account id");
    assertEq(b, 2, "second account id");
    assertEq(subAccounts.lastAccountId(), 2, "lastAccountId");
    assertEq(subAccounts.ownerOf(a), alice, "owner of a");
    assertEq(subAccounts.ownerOf(b), bob, "owner of b");
    assertEq(subAccounts.balanceOf(alice), 1, "alice's ERC-721 balance");
    assertEq(address(subAccounts.manager(a)), address(manager), "manager");
    assertEq(subAccounts.getAccountBalances(a).length, 0, "new account holds nothing");
  }

  function test_createAccount_rejectsZeroManager() public {
    vm.expectRevert(ISubAccounts.AC_InvalidManager.selector);
    subAccounts.createAccount(alice, IManager(address(0)));
  }

  function test_accountIsTransferableERC721() public {
    uint a = _fundedAccount(alice, 100e6);
    vm.prank(alice);
    subAccounts.transferFrom(alice, bob, a);
    assertEq(subAccounts.ownerOf(a), bob, "new owner");
    // the new owner controls the balance
    vm.prank(bob);
    cash.withdraw(a, 100e6, bob);
    assertEq(usdc.balanceOf(bob), 100e6, "bob withdrew");
  }

  function test_transfer_movesBalancesAndEmitsBothEvents() public {
    uint a = _fundedAccount(alice, 1_000e6); // deposit = trade id 1
    uint b = _newAccount(bob);
    bytes32 key = bytes32(uint(uint160(address(cash))) << 96 | 0);

    vm.expectEmit(true, true, true, true, address(subAccounts));
    emit ISubAccounts.BalanceAdjusted(a, address(manager), key, -400e18, 1_000e18, 600e18, 2);
    vm.expectEmit(true, true, true, true, address(subAccounts));
    emit ISubAccounts.BalanceAdjusted(b, address(manager), key, 400e18, 0, 400e18, 2);
    vm.expectEmit(true, true, true, true, address(subAccounts));
    emit ISubAccounts.AssetTransferred(a, b, address(cash), 0, 400e18, bytes32(0), 2);
    vm.prank(alice);
    uint tradeId = _transfer(a, b, IAsset(address(cash)), 0, 400e18);

    assertEq(tradeId, 2, "trade id");
    assertEq(subAccounts.lastTradeId(), 2, "lastTradeId");
    assertEq(subAccounts.getBalance(a, IAsset(address(cash)), 0), 600e18, "from balance");
    assertEq(subAccounts.getBalance(b, IAsset(address(cash)), 0), 400e18, "to balance");
  }

  function test_assetAndSubIdKey_packsAssetHighAndSubIdLow() public view {
    bytes32 key = subAccounts.assetAndSubIdKey(IAsset(address(collateral)), 0xABCDEF);
    assertEq(key, bytes32(uint(uint160(address(collateral))) << 96 | 0xABCDEF), "key");
    assertEq(address(uint160(uint(key) >> 96)), address(collateral), "asset from key");
    assertEq(uint(key) & type(uint96).max, 0xABCDEF, "subId from key");
  }

  function test_getAccountBalances_tracksHeldAssets() public {
    uint a = _fundedAccount(alice, 500e6);
    uint b = _newAccount(bob);
    CustodyToken btc = _custodyToken(alice, "BTC", 1e8);
    _depositCollateral(alice, a, btc, 0.25e8);

    ISubAccounts.AssetBalance[] memory balances = subAccounts.getAccountBalances(a);
    assertEq(balances.length, 2, "two assets held");
    assertEq(address(balances[0].asset), address(cash), "first: cash");
    assertEq(balances[0].subId, 0, "cash subId");
    assertEq(balances[0].balance, 500e18, "cash balance");
    assertEq(address(balances[1].asset), address(collateral), "second: collateral");
    assertEq(balances[1].subId, uint(uint160(address(btc))), "collateral subId = token");
    assertEq(balances[1].balance, 0.25e18, "collateral balance in 18 decimals");

    // emptying cash drops it from the list; the collateral moves into its place
    vm.prank(alice);
    _transfer(a, b, IAsset(address(cash)), 0, 500e18);
    balances = subAccounts.getAccountBalances(a);
    assertEq(balances.length, 1, "one asset left");
    assertEq(address(balances[0].asset), address(collateral), "collateral remains");

    // and it can be held again
    vm.prank(bob);
    _transfer(b, a, IAsset(address(cash)), 0, 1e18);
    balances = subAccounts.getAccountBalances(a);
    assertEq(balances.length, 2, "cash is back");
    assertEq(balances[1].balance, 1e18, "cash appended");
  }

  function test_transfer_needsOwnerConsentToDebit() public {
    uint a = _fundedAccount(alice, 100e6);
    uint b = _newAccount(bob);
    vm.expectRevert(abi.encodeWithSelector(ISubAccounts.AC_NotOwnerOrApproved.selector, bob, a));
    vm.prank(bob);
    _transfer(a, b, IAsset(address(cash)), 0, 1e18);
  }

  function test_transfer_negativeAmountDebitsTheReceiverSide() public {
    uint a = _newAccount(alice);
    uint b = _fundedAccount(bob, 100e6);
    // alice may not pull cash out of bob's account with a negative amount
    vm.expectRevert(abi.encodeWithSelector(ISubAccounts.AC_NotOwnerOrApproved.selector, alice, b));
    vm.prank(alice);
    _transfer(a, b, IAsset(address(cash)), 0, -1e18);
    // bob may push to alice with a negative amount from her side
    vm.prank(bob);
    _transfer(a, b, IAsset(address(cash)), 0, -10e18);
    assertEq(_cash(a), 10e18, "alice received");
    assertEq(_cash(b), 90e18, "bob paid");
  }

  function test_transfer_byERC721ApprovedOperator() public {
    uint a = _fundedAccount(alice, 100e6);
    uint b = _newAccount(bob);
    vm.prank(alice);
    subAccounts.approve(carol, a);
    vm.prank(carol);
    _transfer(a, b, IAsset(address(cash)), 0, 30e18);
    assertEq(_cash(b), 30e18, "carol moved alice's cash");
  }

  function test_transfer_byTrustedCaller() public {
    uint a = _fundedAccount(alice, 100e6);
    uint b = _newAccount(bob);
    vm.expectEmit(true, true, true, true, address(subAccounts));
    emit ISubAccounts.TrustedCallerSet(carol, true);
    subAccounts.setTrustedCaller(carol, true);
    vm.prank(carol);
    _transfer(a, b, IAsset(address(cash)), 0, 30e18);
    assertEq(_cash(b), 30e18, "trusted caller moved cash");
  }

  function test_setTrustedCaller_onlyOwner() public {
    vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
    vm.prank(alice);
    subAccounts.setTrustedCaller(alice, true);
  }

  function test_transfer_toSelfReverts() public {
    uint a = _fundedAccount(alice, 100e6);
    vm.expectRevert(abi.encodeWithSelector(ISubAccounts.AC_CannotTransferAssetToOneself.selector, alice, a));
    vm.prank(alice);
    _transfer(a, a, IAsset(address(cash)), 0, 1e18);
  }

  function test_transfer_unknownAccountReverts() public {
    uint a = _fundedAccount(alice, 100e6);
    vm.expectRevert();
    vm.prank(alice);
    _transfer(a, 99, IAsset(address(cash)), 0, 1e18);
  }

  function test_transfer_unlistedAssetRejectedByManager() public {
    uint a = _newAccount(alice);
    uint b = _newAccount(bob);
    JunkAsset junk = new JunkAsset();
    vm.expectRevert(abi.encodeWithSelector(StandardManager.SRM_UnsupportedAsset.selector, address(junk), 7));
    vm.prank(alice);
    _transfer(a, b, IAsset(address(junk)), 7, 1e18);
  }

  function test_submitTransfers_batchesUnderOneTradeId() public {
    uint a = _fundedAccount(alice, 100e6);
    uint b = _newAccount(bob);
    uint c = _newAccount(carol);
    ISubAccounts.AssetTransfer[] memory ts = new ISubAccounts.AssetTransfer[](2);
    ts[0] = ISubAccounts.AssetTransfer(a, b, IAsset(address(cash)), 0, 10e18, bytes32(0));
    ts[1] = ISubAccounts.AssetTransfer(a, c, IAsset(address(cash)), 0, 20e18, MEMO);
    vm.expectEmit(true, true, true, true, address(subAccounts));
    emit ISubAccounts.AssetTransferred(a, b, address(cash), 0, 10e18, bytes32(0), 2);
    vm.expectEmit(true, true, true, true, address(subAccounts));
    emit ISubAccounts.AssetTransferred(a, c, address(cash), 0, 20e18, MEMO, 2);
    vm.prank(alice);
    uint tradeId = subAccounts.submitTransfers(ts, "");
    assertEq(tradeId, 2, "one trade id for the batch");
    assertEq(_cash(a), 70e18, "a");
    assertEq(_cash(b), 10e18, "b");
    assertEq(_cash(c), 20e18, "c");
  }

  function test_submitTransfers_rejectsEmptyBatch() public {
    vm.expectRevert(ISubAccounts.AC_NoTransfers.selector);
    subAccounts.submitTransfers(new ISubAccounts.AssetTransfer[](0), "");
  }

  function test_assetAdjustment_onlyByTheAsset() public {
    uint a = _newAccount(alice);
    vm.expectRevert(ISubAccounts.AC_OnlyAsset.selector);
    vm.prank(alice);
    subAccounts.assetAdjustment(ISubAccounts.AssetAdjustment(a, IAsset(address(cash)), 0, 1e18, bytes32(0)), true, "");
  }

  function test_managerAdjustment_onlyByTheAccountsManager() public {
    uint a = _newAccount(alice);
    vm.expectRevert(ISubAccounts.AC_OnlyManager.selector);
    subAccounts.managerAdjustment(ISubAccounts.AssetAdjustment(a, IAsset(address(cash)), 0, 1e18, bytes32(0)));
  }
}
