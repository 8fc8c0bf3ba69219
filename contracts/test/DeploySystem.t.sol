// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./base/Fixture.sol";

/// @notice The wiring script/Deploy.s.sol produces (it runs the same DeploySystem).
contract DeploySystemTest is Fixture {
  function test_wiring() public view {
    assertTrue(subAccounts.trustedCaller(address(executor)), "executor trusted by SubAccounts");
    assertTrue(executor.isExecutor(address(this)), "owner executes trades");
    assertTrue(cash.whitelistedManager(address(manager)), "cash knows the manager");
    assertTrue(collateral.whitelistedManager(address(manager)), "collateral knows the manager");
    assertTrue(perp.whitelistedManager(address(manager)), "perp knows the manager");
    assertTrue(perp.isOracle(address(this)), "owner is perp oracle");
    assertTrue(manager.isOracle(address(this)), "owner is manager oracle");
    assertTrue(collateral.isTokenLister(address(factory)), "factory lists tokens");
    assertEq(address(manager.cashAsset()), address(cash), "manager cash");
    assertEq(address(manager.collateralAsset()), address(collateral), "manager collateral");
    assertEq(address(manager.perps(0)), address(perp), "manager perp");
    assertEq(factory.minter(), minter, "factory minter");
    assertEq(factory.collateralAsset(), address(collateral), "factory collateral");
    assertEq(factory.owner(), address(this), "factory owner");
    assertEq(perp.perpPrice(), 60_000e18, "initial perp price");
    assertEq(perp.indexPrice(), 60_000e18, "initial index price");
    assertEq(perp.maxRatePerHour(), 0.005e18, "funding cap");
    assertEq(perp.convergencePeriod(), 8, "convergence period");
    (bool btc, uint8 btcDecimals) = factory.assets("BTC");
    (bool eth, uint8 ethDecimals) = factory.assets("ETH");
    (bool usd, uint8 usdDecimals) = factory.assets("USDC");
    assertTrue(btc && eth && usd, "assets registered");
    assertEq(uint(btcDecimals) * 10_000 + uint(ethDecimals) * 100 + uint(usdDecimals), 81806, "8, 18, 6 decimals");
  }

  function test_deployDefaultsStaticInterestRate() public {
    // the fixture zeroes it for readable figures; a fresh deployment sets 0.01 % per 8 h
    System memory s = _deploySystem(address(this), minter);
    assertEq(int(s.perpBTC.staticInterestRate()), 0.0000125e18, "static rate");
  }
}
