// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TestBase} from "./TestBase.sol";
import {DeploySystem} from "../../script/DeploySystem.sol";

import {Multicall3} from "../../src/periphery/Multicall3.sol";
import {MockUSDC} from "../../src/assets/MockUSDC.sol";
import {SubAccounts} from "../../src/SubAccounts.sol";
import {CashAsset} from "../../src/assets/CashAsset.sol";
import {CustodyCollateralAsset} from "../../src/assets/CustodyCollateralAsset.sol";
import {PerpAsset} from "../../src/assets/PerpAsset.sol";
import {StandardManager} from "../../src/risk/StandardManager.sol";
import {TradeExecutor} from "../../src/TradeExecutor.sol";
import {CustodyToken} from "../../src/custody/CustodyToken.sol";
import {CustodyTokenFactory} from "../../src/custody/CustodyTokenFactory.sol";
import {IManager} from "../../src/interfaces/IManager.sol";
import {IAsset} from "../../src/interfaces/IAsset.sol";

/// @notice The deployed system (as scripts/contracts.sh deploy wires it, owner = this test) plus
///         helpers. Perp funding's static interest rate is set to 0 so hand-computed figures stay
///         readable; tests that need it set it back.
abstract contract Fixture is TestBase, DeploySystem {
  Multicall3 internal multicall;
  MockUSDC internal usdc;
  SubAccounts internal subAccounts;
  CashAsset internal cash;
  CustodyCollateralAsset internal collateral;
  PerpAsset internal perp;
  StandardManager internal manager;
  TradeExecutor internal executor;
  CustodyTokenFactory internal factory;

  address internal alice = address(0xA11CE);
  address internal bob = address(0xB0B);
  address internal carol = address(0xCA401);
  address internal minter = address(0x3117E4);

  uint internal constant BTC = 60_000e18;

  function setUp() public virtual {
    vm.warp(1_700_000_000);
    System memory s = _deploySystem(address(this), minter);
    multicall = s.multicall;
    usdc = s.usdc;
    subAccounts = s.subAccounts;
    cash = s.cash;
    collateral = s.collateral;
    perp = s.perpBTC;
    manager = s.manager;
    executor = s.executor;
    factory = s.factory;
    perp.setStaticInterestRate(0);
    vm.label(alice, "alice");
    vm.label(bob, "bob");
    vm.label(carol, "carol");
    vm.label(minter, "minter");
  }

  function _newAccount(address owner) internal returns (uint) {
    return subAccounts.createAccount(owner, IManager(address(manager)));
  }

  /// @dev Mints `usdcAmount` (6 decimals) to `owner`, who deposits it into `accountId`.
  function _depositCash(address owner, uint accountId, uint usdcAmount) internal {
    usdc.mint(owner, usdcAmount);
    vm.startPrank(owner);
    usdc.approve(address(cash), usdcAmount);
    cash.deposit(accountId, usdcAmount);
    vm.stopPrank();
  }

  /// @dev A funded account of `owner` holding `usdcAmount` USDC of cash.
  function _fundedAccount(address owner, uint usdcAmount) internal returns (uint accountId) {
    accountId = _newAccount(owner);
    if (usdcAmount > 0) _depositCash(owner, accountId, usdcAmount);
  }

  /// @dev toAcc buys `size` from fromAcc at `price` (this test is an executor).
  function _trade(uint fromAcc, uint toAcc, int size, uint price) internal returns (uint) {
    return executor.trade(fromAcc, toAcc, address(perp), size, price);
  }

  function _cash(uint accountId) internal view returns (int) {
    return subAccounts.getBalance(accountId, IAsset(address(cash)), 0);
  }

  function _size(uint accountId) internal view returns (int) {
    return subAccounts.getBalance(accountId, IAsset(address(perp)), 0);
  }

  /// @dev A factory-made custody token for (holder, "bitgo", asset) with `amount` minted to holder.
  function _custodyToken(address holder, string memory asset, uint amount) internal returns (CustodyToken token) {
    token = CustodyToken(factory.createToken(holder, "bitgo", asset));
    if (amount > 0) {
      uint supply = token.totalSupply(); // read first: vm.prank applies to the next call
      vm.prank(minter);
      token.guardMint(holder, amount, supply);
    }
  }

  /// @dev Holder deposits `amount` (token decimals) of `token` into `accountId`.
  function _depositCollateral(address holder, uint accountId, CustodyToken token, uint amount) internal {
    vm.startPrank(holder);
    token.approve(address(collateral), amount);
    collateral.deposit(accountId, address(token), amount);
    vm.stopPrank();
  }
}
