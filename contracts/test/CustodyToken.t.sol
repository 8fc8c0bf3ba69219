// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {TestBase} from "./base/TestBase.sol";
import {CustodyToken} from "../src/custody/CustodyToken.sol";

contract CustodyTokenTest is TestBase {
  CustodyToken internal token;
  address internal holder = address(0x401DE4);
  address internal minter = address(0x3117E4);
  address internal escrow = address(0xE5C);
  address internal stranger = address(0x5);

  function setUp() public {
    token = new CustodyToken("CustodySettle BTC @ bitgo", "csBTC", 8, holder, "bitgo", "BTC");
    token.grantRole(token.MINTER_ROLE(), minter);
  }

  function _mint(uint amount) internal {
    uint supply = token.totalSupply();
    vm.prank(minter);
    token.guardMint(holder, amount, supply);
  }

  function test_metadata() public view {
    assertEq(token.name(), "CustodySettle BTC @ bitgo", "name");
    assertEq(token.symbol(), "csBTC", "symbol");
    assertEq(uint(token.decimals()), 8, "decimals");
    assertEq(token.holder(), holder, "holder");
    assertEq(token.custodianId(), "bitgo", "custodian");
    assertEq(token.underlyingAsset(), "BTC", "asset");
    assertEq(token.MINTER_ROLE(), keccak256("MINTER_ROLE"), "role id");
    assertTrue(token.hasRole(token.DEFAULT_ADMIN_ROLE(), address(this)), "deployer is admin");
  }

  function test_constructor_rejectsZeroHolder() public {
    vm.expectRevert(CustodyToken.ZeroHolder.selector);
    new CustodyToken("x", "x", 8, address(0), "bitgo", "BTC");
  }

  function test_guardMint_happyPath() public {
    vm.expectEmit(true, true, true, true, address(token));
    emit IERC20.Transfer(address(0), holder, 5e8);
    vm.expectEmit(true, true, true, true, address(token));
    emit CustodyToken.Minted(minter, holder, 5e8);
    vm.prank(minter);
    token.guardMint(holder, 5e8, 0);
    assertEq(token.balanceOf(holder), 5e8, "minted");
    assertEq(token.totalSupply(), 5e8, "supply");

    vm.prank(minter);
    token.guardMint(holder, 1e8, 5e8);
    assertEq(token.totalSupply(), 6e8, "second delta");
  }

  function test_guardMint_supplyMismatch() public {
    _mint(5e8);
    vm.expectRevert(abi.encodeWithSelector(CustodyToken.SupplyMismatch.selector, 4e8, 5e8));
    vm.prank(minter);
    token.guardMint(holder, 1e8, 4e8);
    assertEq(token.totalSupply(), 5e8, "nothing minted");
  }

  function test_guardBurn_happyPathEmitsBurned() public {
    _mint(5e8);
    vm.expectEmit(true, true, true, true, address(token));
    emit IERC20.Transfer(holder, address(0), 2e8);
    vm.expectEmit(true, true, true, true, address(token));
    emit CustodyToken.Burned(minter, holder, 2e8);
    vm.prank(minter);
    token.guardBurn(holder, 2e8, 5e8);
    assertEq(token.balanceOf(holder), 3e8, "burned");
    assertEq(token.totalSupply(), 3e8, "supply");
  }

  function test_guardBurn_supplyMismatch() public {
    _mint(5e8);
    vm.expectRevert(abi.encodeWithSelector(CustodyToken.SupplyMismatch.selector, 6e8, 5e8));
    vm.prank(minter);
    token.guardBurn(holder, 1e8, 6e8);
  }

  function test_minterRoleEnforced() public {
    bytes32 role = token.MINTER_ROLE();
    vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, holder, role));
    vm.prank(holder);
    token.guardMint(holder, 1, 0);

    _mint(5e8);
    vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, holder, role));
    vm.prank(holder);
    token.guardBurn(holder, 1, 5e8);

    // a revoked minter loses the right
    token.revokeRole(role, minter);
    vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, minter, role));
    vm.prank(minter);
    token.guardMint(holder, 1, 5e8);
  }

  function test_holderCannotRedeem() public {
    _mint(5e8);
    vm.startPrank(holder);
    (bool burned,) = address(token).call(abi.encodeWithSignature("burn(uint256)", 1e8));
    (bool redeemed,) = address(token).call(abi.encodeWithSignature("redeem(uint256)", 1e8));
    vm.stopPrank();
    assertFalse(burned, "no burn for holders");
    assertFalse(redeemed, "no redeem");
    assertEq(token.totalSupply(), 5e8, "supply unchanged");
  }

  function test_transfer_blockedUnlessAllowListed() public {
    _mint(5e8);
    vm.expectRevert(abi.encodeWithSelector(CustodyToken.DestinationNotAllowed.selector, stranger));
    vm.prank(holder);
    // forge-lint: disable-next-line(erc20-unchecked-transfer) expected to revert
    token.transfer(stranger, 1e8);

    vm.expectEmit(true, true, true, true, address(token));
    emit CustodyToken.AllowedDestinationSet(escrow, true);
    token.setAllowedDestination(escrow, true);
    assertTrue(token.allowedDestination(escrow), "listed");
    vm.prank(holder);
    assertTrue(token.transfer(escrow, 1e8), "transfer returned true");
    assertEq(token.balanceOf(escrow), 1e8, "escrow received");

    // the escrow may return it to the holder but not pass it on
    vm.expectRevert(abi.encodeWithSelector(CustodyToken.DestinationNotAllowed.selector, stranger));
    vm.prank(escrow);
    // forge-lint: disable-next-line(erc20-unchecked-transfer) expected to revert
    token.transfer(stranger, 1e8);
    vm.prank(escrow);
    assertTrue(token.transfer(holder, 1e8), "transfer returned true");
    assertEq(token.balanceOf(holder), 5e8, "back with the holder");

    // delisting blocks it again
    token.setAllowedDestination(escrow, false);
    vm.expectRevert(abi.encodeWithSelector(CustodyToken.DestinationNotAllowed.selector, escrow));
    vm.prank(holder);
    // forge-lint: disable-next-line(erc20-unchecked-transfer) expected to revert
    token.transfer(escrow, 1e8);
  }

  function test_transferFrom_followsTheSameRule() public {
    _mint(5e8);
    vm.prank(holder);
    token.approve(stranger, 5e8);
    vm.expectRevert(abi.encodeWithSelector(CustodyToken.DestinationNotAllowed.selector, stranger));
    vm.prank(stranger);
    // forge-lint: disable-next-line(erc20-unchecked-transfer) expected to revert
    token.transferFrom(holder, stranger, 1e8);
    token.setAllowedDestination(escrow, true);
    vm.prank(stranger);
    assertTrue(token.transferFrom(holder, escrow, 1e8), "transfer returned true");
    assertEq(token.balanceOf(escrow), 1e8, "pulled into the escrow");
  }

  function test_setAllowedDestination_onlyAdmin() public {
    bytes32 admin = token.DEFAULT_ADMIN_ROLE();
    vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, minter, admin));
    vm.prank(minter);
    token.setAllowedDestination(stranger, true);
  }
}
