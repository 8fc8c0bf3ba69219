// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

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

/// @title BenchSeeder
/// @notice Bench-only (bench/chain, docs/benchmarks.md "Chain reads and log following"): gives many
///         subaccounts real state in few transactions. Subaccount `i` belongs to holder `holderOf(i)`,
///         holds cash (a MockUSDC deposit), a BTC perp position opened against one counterparty
///         account through TradeExecutor.trade, and a BTC custody token of its holder's own (created
///         by the factory, minted with guardMint) both in the holder's wallet and deposited as
///         collateral. Every amount is a pure function of `i` (the `*Of` views), so the bench can
///         check what it reads. The tokens get no collateral spot, so they count 0 in the margin.
/// @dev Needs, from the deployment's owner: MockUSDC minted to this contract (`usdcNeeded`), the
///      executor role (TradeExecutor.setExecutor) and the factory's minter (CustodyTokenFactory.setMinter,
///      which applies to tokens created afterwards). Never deploy it outside a benchmark.
contract BenchSeeder {
  string public constant CUSTODIAN = "bench-custodian";
  string public constant TOKEN_ASSET = "BTC";
  /// @dev The counterparty's deposit: 100M USDC covers the net position of any number of subaccounts here.
  uint public constant COUNTERPARTY_USDC = 100_000_000e6;

  MockUSDC public immutable usdc;
  SubAccounts public immutable subAccounts;
  CashAsset public immutable cash;
  CustodyCollateralAsset public immutable collateral;
  PerpAsset public immutable perp;
  StandardManager public immutable manager;
  TradeExecutor public immutable executor;
  CustodyTokenFactory public immutable factory;

  /// @notice The account every subaccount trades against (0 until `init`).
  uint public counterparty;
  /// @notice How many subaccounts are seeded (indexes 0 to seeded - 1).
  uint public seeded;

  event Seeded(uint indexed index, uint indexed accountId, address indexed holder, address token);

  error BS_AlreadyInitialized();
  error BS_NotInitialized();

  constructor(
    MockUSDC usdc_,
    SubAccounts subAccounts_,
    CashAsset cash_,
    CustodyCollateralAsset collateral_,
    PerpAsset perp_,
    StandardManager manager_,
    TradeExecutor executor_,
    CustodyTokenFactory factory_
  ) {
    (usdc, subAccounts, cash, collateral, perp, manager, executor, factory) =
      (usdc_, subAccounts_, cash_, collateral_, perp_, manager_, executor_, factory_);
  }

  /// @notice USDC (6 decimals) this contract must hold to seed `count` subaccounts and the counterparty.
  function usdcNeeded(uint count) external pure returns (uint total) {
    total = COUNTERPARTY_USDC;
    for (uint i; i < count; ++i) {
      total += cashUsdcOf(i);
    }
  }

  /// @notice Creates and funds the counterparty account (owned by this contract).
  function init() external {
    if (counterparty != 0) revert BS_AlreadyInitialized();
    usdc.approve(address(cash), type(uint).max);
    counterparty = subAccounts.createAccount(address(this), IManager(address(manager)));
    cash.deposit(counterparty, COUNTERPARTY_USDC);
  }

  /// @notice Seeds the next `count` subaccounts.
  function seed(uint count) external {
    uint cp = counterparty;
    if (cp == 0) revert BS_NotInitialized();
    (uint mark,) = perp.getPerpPrice();
    uint first = seeded;
    for (uint i = first; i < first + count; ++i) {
      address holder = holderOf(i);
      uint accountId = subAccounts.createAccount(holder, IManager(address(manager)));
      cash.deposit(accountId, cashUsdcOf(i));
      executor.trade(cp, accountId, address(perp), perpSizeOf(i), mark + priceOffsetOf(i));
      CustodyToken token = CustodyToken(factory.createToken(holder, CUSTODIAN, TOKEN_ASSET));
      token.guardMint(holder, tokenAmountOf(i), 0);
      token.guardMint(address(this), collateralAmountOf(i), tokenAmountOf(i));
      token.approve(address(collateral), collateralAmountOf(i));
      collateral.deposit(accountId, address(token), collateralAmountOf(i));
      emit Seeded(i, accountId, holder, address(token));
    }
    seeded = first + count;
  }

  /// @notice The owner of subaccount `i` and holder of its custody token.
  function holderOf(uint i) public pure returns (address) {
    return address(uint160(uint(keccak256(abi.encode("bench-holder", i)))));
  }

  /// @notice The cash deposited into subaccount `i`: 10,000 + i USDC (6 decimals).
  function cashUsdcOf(uint i) public pure returns (uint) {
    return (10_000 + i) * 1e6;
  }

  /// @notice The perp position subaccount `i` buys (18 decimals): 0.01 to 0.109 BTC, long for even i.
  function perpSizeOf(uint i) public pure returns (int) {
    int size = int(1e16 + (i % 100) * 1e15);
    return i % 2 == 0 ? size : -size;
  }

  /// @notice What the trade price exceeds the mark by: 0 to 6 USD (18 decimals), so some cash moves.
  function priceOffsetOf(uint i) public pure returns (uint) {
    return (i % 7) * 1e18;
  }

  /// @notice The custody tokens minted to holder `i` (8 decimals): 0.01 BTC + i satoshi.
  function tokenAmountOf(uint i) public pure returns (uint) {
    return 1e6 + i;
  }

  /// @notice The custody tokens deposited as subaccount `i`'s collateral (8 decimals): 0.02 BTC + i satoshi.
  function collateralAmountOf(uint i) public pure returns (uint) {
    return 2e6 + i;
  }
}
