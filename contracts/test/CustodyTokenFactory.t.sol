// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {Fixture} from "./base/Fixture.sol";
import {CustodyToken} from "../src/custody/CustodyToken.sol";
import {CustodyTokenFactory} from "../src/custody/CustodyTokenFactory.sol";

contract CustodyTokenFactoryTest is Fixture {
  /// @dev EIP-1014 by hand: keccak256(0xff ++ deployer ++ salt ++ keccak256(init_code))[12:]
  function _create2Address(address deployer, bytes32 salt, bytes memory initCode) internal pure returns (address) {
    return address(uint160(uint(keccak256(abi.encodePacked(bytes1(0xff), deployer, salt, keccak256(initCode))))));
  }

  function test_predictionEqualsDeployedAddress() public {
    address predicted = factory.tokenFor(alice, "bitgo", "BTC");
    assertEq(predicted.code.length, 0, "not deployed yet");

    // independently of the factory's own arithmetic
    bytes memory initCode = abi.encodePacked(
      type(CustodyToken).creationCode,
      abi.encode("CustodySettle BTC @ bitgo", "csBTC", uint8(8), alice, "bitgo", "BTC")
    );
    bytes32 salt = keccak256(abi.encode(alice, "bitgo", "BTC"));
    assertEq(factory.keyOf(alice, "bitgo", "BTC"), salt, "salt");
    assertEq(predicted, _create2Address(address(factory), salt, initCode), "EIP-1014 address");

    address deployed = factory.createToken(alice, "bitgo", "BTC");
    assertEq(deployed, predicted, "deployed where predicted");
    assertTrue(deployed.code.length > 0, "code at the address");
    assertEq(factory.tokenFor(alice, "bitgo", "BTC"), deployed, "tokenFor after creation");
    assertEq(factory.tokenByKey(salt), deployed, "registry");
    assertTrue(factory.isCustodyToken(deployed), "isCustodyToken");
  }

  function test_createToken_emitsEventAndConfiguresToken() public {
    address predicted = factory.tokenFor(bob, "copper", "ETH");
    vm.expectEmit(true, true, true, true, address(factory));
    emit CustodyTokenFactory.CustodyTokenCreated(
      predicted, bob, factory.keyOf(bob, "copper", "ETH"), "copper", "ETH", 18
    );
    CustodyToken t = CustodyToken(factory.createToken(bob, "copper", "ETH"));

    assertEq(t.name(), "CustodySettle ETH @ copper", "name");
    assertEq(t.symbol(), "csETH", "symbol");
    assertEq(uint(t.decimals()), 18, "registered decimals");
    assertEq(t.holder(), bob, "holder");
    assertEq(t.custodianId(), "copper", "custodian");
    assertEq(t.underlyingAsset(), "ETH", "asset");
    assertTrue(t.hasRole(t.MINTER_ROLE(), minter), "minter has MINTER_ROLE");
    assertTrue(t.hasRole(t.DEFAULT_ADMIN_ROLE(), address(this)), "factory owner is admin");
    assertFalse(t.hasRole(t.DEFAULT_ADMIN_ROLE(), address(factory)), "factory renounced admin");
    assertFalse(t.hasRole(t.MINTER_ROLE(), address(factory)), "factory cannot mint");
    assertTrue(t.allowedDestination(address(collateral)), "collateral asset allow-listed");
    (bool allowed,,) = collateral.tokens(address(t));
    assertTrue(allowed, "listed as collateral");
  }

  function test_createToken_isIdempotent() public {
    address first = factory.createToken(alice, "bitgo", "BTC");
    vm.recordLogs();
    address second = factory.createToken(alice, "bitgo", "BTC");
    assertEq(second, first, "same token");
    assertEq(vm.getRecordedLogs().length, 0, "no event, no deployment");
    assertEq(factory.tokenCount(), 1, "one token");
  }

  function test_keysGiveDistinctTokens() public {
    address t1 = factory.createToken(alice, "bitgo", "BTC");
    address t2 = factory.createToken(alice, "copper", "BTC");
    address t3 = factory.createToken(bob, "bitgo", "BTC");
    address t4 = factory.createToken(alice, "bitgo", "ETH");
    assertTrue(t1 != t2 && t1 != t3 && t1 != t4 && t2 != t3 && t2 != t4 && t3 != t4, "distinct");
    assertEq(factory.tokenCount(), 4, "four tokens");
    assertEq(factory.allTokens(3), t4, "enumerable");
  }

  function test_minterChangeAppliesToNewTokensOnly() public {
    CustodyToken before = CustodyToken(factory.createToken(alice, "bitgo", "BTC"));
    factory.setMinter(carol);
    CustodyToken afterwards = CustodyToken(factory.createToken(bob, "bitgo", "BTC"));
    assertTrue(before.hasRole(before.MINTER_ROLE(), minter), "old token keeps its minter");
    assertTrue(afterwards.hasRole(afterwards.MINTER_ROLE(), carol), "new token gets the new minter");
  }

  function test_mintedTokenIsUsableAsCollateral() public {
    CustodyToken t = CustodyToken(factory.createToken(alice, "bitgo", "BTC"));
    vm.prank(minter);
    t.guardMint(alice, 2e8, 0);
    uint acc = _newAccount(alice);
    _depositCollateral(alice, acc, t, 2e8);
    assertEq(t.balanceOf(address(collateral)), 2e8, "in escrow");
  }

  function test_validation() public {
    vm.expectRevert(abi.encodeWithSelector(CustodyTokenFactory.CTF_UnknownAsset.selector, "DOGE"));
    factory.createToken(alice, "bitgo", "DOGE");
    vm.expectRevert(abi.encodeWithSelector(CustodyTokenFactory.CTF_UnknownAsset.selector, "DOGE"));
    factory.tokenFor(alice, "bitgo", "DOGE");
    vm.expectRevert(CustodyTokenFactory.CTF_ZeroHolder.selector);
    factory.createToken(address(0), "bitgo", "BTC");
    vm.expectRevert(CustodyTokenFactory.CTF_EmptyCustodian.selector);
    factory.createToken(alice, "", "BTC");
    vm.expectRevert(abi.encodeWithSelector(CustodyTokenFactory.CTF_AssetAlreadyRegistered.selector, "BTC"));
    factory.registerAsset("BTC", 18);
    vm.expectRevert(CustodyTokenFactory.CTF_ZeroMinter.selector);
    factory.setMinter(address(0));
  }

  function test_adminFunctionsOnlyOwner() public {
    vm.startPrank(alice);
    vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
    factory.registerAsset("SOL", 9);
    vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
    factory.setMinter(alice);
    vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
    factory.setCollateralAsset(alice);
    vm.stopPrank();
  }

  function test_withoutCollateralAsset() public {
    factory.setCollateralAsset(address(0));
    CustodyToken t = CustodyToken(factory.createToken(alice, "bitgo", "BTC"));
    assertFalse(t.allowedDestination(address(collateral)), "nothing allow-listed");
    assertTrue(t.hasRole(t.MINTER_ROLE(), minter), "still has a minter");
  }
}
