// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {TestBase} from "./base/TestBase.sol";
import {Multicall3} from "../src/periphery/Multicall3.sol";
import {MockUSDC} from "../src/assets/MockUSDC.sol";

contract Multicall3Test is TestBase {
  Multicall3 internal mc;
  MockUSDC internal usdc;
  address internal alice = address(0xA11CE);

  function setUp() public {
    mc = new Multicall3();
    usdc = new MockUSDC(address(this));
    usdc.mint(alice, 42e6);
  }

  function test_selectorsMatchCanonicalMulticall3() public pure {
    assertEq(uint32(Multicall3.aggregate3.selector), uint32(bytes4(keccak256("aggregate3((address,bool,bytes)[])"))), "sig");
    assertEq(uint32(Multicall3.aggregate3.selector), 0x82ad56cb, "aggregate3");
    assertEq(uint32(Multicall3.getBlockNumber.selector), 0x42cbb15c, "getBlockNumber");
    assertEq(uint32(Multicall3.getBlockHash.selector), 0xee82ac5e, "getBlockHash");
    assertEq(uint32(Multicall3.getCurrentBlockTimestamp.selector), 0x0f28c97d, "getCurrentBlockTimestamp");
    assertEq(uint32(Multicall3.getEthBalance.selector), 0x4d2301cc, "getEthBalance");
  }

  function test_aggregate3_allSucceed() public {
    vm.roll(1234);
    vm.warp(1_700_000_123);
    Multicall3.Call3[] memory calls = new Multicall3.Call3[](3);
    calls[0] = Multicall3.Call3(address(usdc), false, abi.encodeCall(usdc.balanceOf, (alice)));
    calls[1] = Multicall3.Call3(address(mc), false, abi.encodeCall(mc.getBlockNumber, ()));
    calls[2] = Multicall3.Call3(address(mc), false, abi.encodeCall(mc.getCurrentBlockTimestamp, ()));
    Multicall3.Result[] memory r = mc.aggregate3(calls);
    assertEq(r.length, 3, "one result per call");
    assertTrue(r[0].success && r[1].success && r[2].success, "all succeeded");
    assertEq(abi.decode(r[0].returnData, (uint)), 42e6, "balanceOf");
    assertEq(abi.decode(r[1].returnData, (uint)), 1234, "block number");
    assertEq(abi.decode(r[2].returnData, (uint)), 1_700_000_123, "timestamp");
  }

  function test_aggregate3_allowFailureTrueReportsTheFailure() public {
    Multicall3.Call3[] memory calls = new Multicall3.Call3[](2);
    // the multicall holds no USDC, so transfer fails
    calls[0] = Multicall3.Call3(address(usdc), true, abi.encodeCall(usdc.transfer, (alice, 1)));
    calls[1] = Multicall3.Call3(address(usdc), false, abi.encodeCall(usdc.totalSupply, ()));
    Multicall3.Result[] memory r = mc.aggregate3(calls);
    assertFalse(r[0].success, "first failed");
    assertEq(
      r[0].returnData,
      abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, address(mc), 0, 1),
      "revert data passed through"
    );
    assertTrue(r[1].success, "second still ran");
    assertEq(abi.decode(r[1].returnData, (uint)), 42e6, "totalSupply");
  }

  function test_aggregate3_allowFailureFalseReverts() public {
    Multicall3.Call3[] memory calls = new Multicall3.Call3[](2);
    calls[0] = Multicall3.Call3(address(usdc), false, abi.encodeCall(usdc.totalSupply, ()));
    calls[1] = Multicall3.Call3(address(usdc), false, abi.encodeCall(usdc.transfer, (alice, 1)));
    vm.expectRevert(bytes("Multicall3: call failed"));
    mc.aggregate3(calls);
  }

  function test_aggregate3_acceptsValue() public {
    vm.deal(address(this), 1 ether);
    Multicall3.Result[] memory r = mc.aggregate3{value: 1 ether}(new Multicall3.Call3[](0));
    assertEq(r.length, 0, "empty batch");
    assertEq(address(mc).balance, 1 ether, "payable");
  }

  function test_blockAndBalanceHelpers() public {
    vm.deal(alice, 3 ether);
    assertEq(mc.getEthBalance(alice), 3 ether, "eth balance");
    vm.roll(50);
    assertEq(mc.getBlockNumber(), 50, "block number");
    assertEq(mc.getBlockHash(50), bytes32(0), "the current block has no hash yet");
    assertEq(mc.getBlockHash(1000), bytes32(0), "future block");
    vm.warp(1_800_000_000);
    assertEq(mc.getCurrentBlockTimestamp(), 1_800_000_000, "timestamp");
    assertEq(mc.getChainId(), block.chainid, "chain id");
  }
}
