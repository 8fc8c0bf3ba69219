// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {TestBase} from "./base/TestBase.sol";
import {MockUSDC} from "../src/assets/MockUSDC.sol";

contract MockUSDCTest is TestBase {
  MockUSDC internal usdc;

  function setUp() public {
    usdc = new MockUSDC(address(this));
  }

  function test_metadata() public view {
    assertEq(uint(usdc.decimals()), 6, "decimals");
    assertEq(usdc.symbol(), "USDC", "symbol");
  }

  function test_ownerMints() public {
    usdc.mint(address(0xA11CE), 1_500_000);
    assertEq(usdc.balanceOf(address(0xA11CE)), 1_500_000, "minted");
    assertEq(usdc.totalSupply(), 1_500_000, "supply");
  }

  function test_othersCannotMint() public {
    vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(0xB0B)));
    vm.prank(address(0xB0B));
    usdc.mint(address(0xB0B), 1);
  }
}
