// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

import {Multicall3} from "../src/periphery/Multicall3.sol";
import {MockUSDC} from "../src/assets/MockUSDC.sol";
import {SubAccounts} from "../src/SubAccounts.sol";
import {CashAsset} from "../src/assets/CashAsset.sol";
import {CustodyCollateralAsset} from "../src/assets/CustodyCollateralAsset.sol";
import {PerpAsset} from "../src/assets/PerpAsset.sol";
import {StandardManager} from "../src/risk/StandardManager.sol";
import {TradeExecutor} from "../src/TradeExecutor.sol";
import {CustodyTokenFactory} from "../src/custody/CustodyTokenFactory.sol";
import {ISubAccounts} from "../src/interfaces/ISubAccounts.sol";
import {IAsset} from "../src/interfaces/IAsset.sol";
import {ICashAsset} from "../src/interfaces/ICashAsset.sol";

/// @title DeploySystem
/// @notice Deploys and wires the whole contract set. Shared by script/Deploy.s.sol (inside a
///         broadcast, owner = the deployer key) and the tests (owner = the test contract), so the
///         tests exercise exactly the wiring the deploy step produces.
abstract contract DeploySystem {
  struct System {
    Multicall3 multicall;
    MockUSDC usdc;
    SubAccounts subAccounts;
    CashAsset cash;
    CustodyCollateralAsset collateral;
    PerpAsset perpBTC;
    StandardManager manager;
    TradeExecutor executor;
    CustodyTokenFactory factory;
  }

  /// @dev Initial BTC perp and index price (18 decimals).
  uint internal constant INITIAL_BTC_PRICE = 60_000e18;
  /// @dev Funding cap: 0.5 % per hour, our choice for the local chain.
  int internal constant MAX_FUNDING_RATE_PER_HOUR = 0.005e18;
  /// @dev 0.01 % per 8 h, the interest component perp venues commonly use, as an hourly rate.
  int128 internal constant STATIC_INTEREST_RATE_PER_HOUR = 0.0000125e18;

  /// @param owner owns every contract and gets the oracle and executor roles
  /// @param minter receives MINTER_ROLE on every custody token the factory creates
  function _deploySystem(address owner, address minter) internal returns (System memory s) {
    s.multicall = new Multicall3();
    s.usdc = new MockUSDC(owner);
    s.subAccounts = new SubAccounts(owner);
    ISubAccounts sa = ISubAccounts(address(s.subAccounts));

    s.cash = new CashAsset(sa, IERC20Metadata(address(s.usdc)), owner);
    s.collateral = new CustodyCollateralAsset(sa, owner);
    s.perpBTC = new PerpAsset(sa, "BTC", MAX_FUNDING_RATE_PER_HOUR, owner);
    s.manager = new StandardManager(sa, ICashAsset(address(s.cash)), IAsset(address(s.collateral)), owner);
    s.executor = new TradeExecutor(sa, IAsset(address(s.cash)), owner);
    s.factory = new CustodyTokenFactory(owner, minter, address(s.collateral));

    // assets accept accounts of this manager only
    s.cash.setWhitelistManager(address(s.manager), true);
    s.collateral.setWhitelistManager(address(s.manager), true);
    s.perpBTC.setWhitelistManager(address(s.manager), true);

    // BTC perp: prices, funding interest component, margin rates (Derive's published 5 % / 6.6 %)
    s.perpBTC.setOracle(owner, true);
    s.perpBTC.setPrices(INITIAL_BTC_PRICE, INITIAL_BTC_PRICE);
    s.perpBTC.setStaticInterestRate(STATIC_INTEREST_RATE_PER_HOUR);
    s.manager.setOracle(owner, true);
    s.manager.setPerpMarginRates(s.perpBTC, s.manager.DEFAULT_PERP_MM_RATE(), s.manager.DEFAULT_PERP_IM_RATE());

    // trades: the executor moves positions on any account; the owner executes
    s.subAccounts.setTrustedCaller(address(s.executor), true);
    s.executor.setExecutor(owner, true);

    // custody tokens: created tokens are listed as collateral at once
    s.collateral.setTokenLister(address(s.factory), true);
    s.factory.registerAsset("BTC", 8);
    s.factory.registerAsset("ETH", 18);
    s.factory.registerAsset("USDC", 6);
  }
}
