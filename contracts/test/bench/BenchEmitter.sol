// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title BenchEmitter
/// @notice Bench-only (bench/chain, docs/benchmarks.md "Chain reads and log following"): emits many
///         events per transaction for the log follower's throughput. The event has SubAccounts'
///         BalanceAdjusted signature, so its logs have the size and shape of the real thing (three
///         indexed topics, four words of data) and decode with SubAccounts' ABI.
contract BenchEmitter {
  using SafeCast for uint;

  /// @notice Events emitted so far; event n carries accountId n + 1 and tradeId n.
  uint public emitted;

  event BalanceAdjusted(
    uint indexed accountId,
    address indexed manager,
    bytes32 indexed assetAndSubId,
    int amount,
    int preBalance,
    int postBalance,
    uint tradeId
  );

  /// @notice Emits the next `count` events.
  function emitMany(uint count) external {
    uint first = emitted;
    for (uint n = first; n < first + count; ++n) {
      int amount = (n * 1e12).toInt256();
      if (n % 2 == 1) amount = -amount;
      int pre = (n * 1e18).toInt256();
      emit BalanceAdjusted(n + 1, msg.sender, bytes32(n << 96), amount, pre, pre + amount, n);
    }
    emitted = first + count;
  }
}
