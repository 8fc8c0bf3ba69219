// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ISubAccounts} from "./interfaces/ISubAccounts.sol";
import {IAsset} from "./interfaces/IAsset.sol";
import {IPerpAsset} from "./interfaces/IPerpAsset.sol";
import {FixedPoint} from "./libraries/FixedPoint.sol";

/// @title TradeExecutor
/// @notice Settles matched perp trades into SubAccounts, the way Derive v2's Matching TradeModule
///         does (derivexyz/v2-matching): `size` contracts move from fromAcc (seller) to toAcc
///         (buyer) at the perp's mark price, and the difference between the trade price and the
///         mark, (price - mark) x size, moves in cash from the buyer to the seller. Both legs go in
///         one submitTransfers batch, so each account's manager checks the final state once.
///         The perp asset marks each old position to the mark price before the size changes, so
///         the closing portion's PnL is realized (and the manager settles it into cash).
/// @dev Executors (the off-chain matching engine or the settlement service) are trusted to submit
///      only trades both parties agreed to; this contract must be a SubAccounts trusted caller.
///      Derive verifies signed orders instead; that is out of scope here.
contract TradeExecutor is Ownable {
  using SafeCast for uint;
  using FixedPoint for int;

  ISubAccounts public immutable subAccounts;
  IAsset public immutable cashAsset;

  mapping(address executor => bool) public isExecutor;

  event ExecutorSet(address indexed executor, bool allowed);
  event Trade(
    uint indexed tradeId,
    uint indexed fromAcc,
    uint indexed toAcc,
    address perp,
    int size,
    uint price,
    uint markPrice,
    int cashTransferred
  );

  error TE_OnlyExecutor(address caller);
  error TE_ZeroSize();
  error TE_ZeroPrice();
  error TE_NoMarkPrice();

  constructor(ISubAccounts subAccounts_, IAsset cashAsset_, address initialOwner) Ownable(initialOwner) {
    subAccounts = subAccounts_;
    cashAsset = cashAsset_;
  }

  function setExecutor(address executor, bool allowed) external onlyOwner {
    isExecutor[executor] = allowed;
    emit ExecutorSet(executor, allowed);
  }

  /// @notice toAcc buys `size` perp contracts (18 decimals; negative = toAcc sells) from fromAcc at
  ///         `price` (18 decimals). Returns the SubAccounts trade id.
  function trade(uint fromAcc, uint toAcc, address perp, int size, uint price) external returns (uint tradeId) {
    if (!isExecutor[msg.sender]) revert TE_OnlyExecutor(msg.sender);
    if (size == 0) revert TE_ZeroSize();
    if (price == 0) revert TE_ZeroPrice();
    (uint mark,) = IPerpAsset(perp).getPerpPrice();
    if (mark == 0) revert TE_NoMarkPrice();

    // Buyer pays the seller what the trade price exceeds the mark by (negative: seller pays).
    int cashAmount = (price.toInt256() - mark.toInt256()).mulDec(size);

    ISubAccounts.AssetTransfer[] memory transfers = new ISubAccounts.AssetTransfer[](cashAmount == 0 ? 1 : 2);
    transfers[0] = ISubAccounts.AssetTransfer({
      fromAcc: fromAcc,
      toAcc: toAcc,
      asset: IAsset(perp),
      subId: 0,
      amount: size,
      assetData: bytes32(0)
    });
    if (cashAmount != 0) {
      transfers[1] = ISubAccounts.AssetTransfer({
        fromAcc: toAcc,
        toAcc: fromAcc,
        asset: cashAsset,
        subId: 0,
        amount: cashAmount,
        assetData: bytes32(0)
      });
    }
    tradeId = subAccounts.submitTransfers(transfers, "");
    emit Trade(tradeId, fromAcc, toAcc, perp, size, price, mark, cashAmount);
  }
}
