// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Multicall3
/// @notice Batches read (and write) calls in one request. Our own implementation, ABI-compatible
///         with the canonical Multicall3 (mds1/multicall, deployed at
///         0xcA11bde05977b3631167028862bE2a173976CA11) for the functions we use, so standard
///         clients (Nethereum, ethers, viem) can point at it on a local chain.
contract Multicall3 {
  struct Call3 {
    address target;
    bool allowFailure;
    bytes callData;
  }

  struct Result {
    bool success;
    bytes returnData;
  }

  /// @notice Calls each target in order; reverts with "Multicall3: call failed" when a call that
  ///         may not fail fails, as the canonical contract does. Sent value stays here (the
  ///         canonical aggregate3 does not forward it either).
  function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory returnData) {
    uint n = calls.length;
    returnData = new Result[](n);
    for (uint i; i < n; ++i) {
      Call3 calldata c = calls[i];
      (bool success, bytes memory ret) = c.target.call(c.callData);
      if (!success && !c.allowFailure) revert("Multicall3: call failed");
      returnData[i] = Result(success, ret);
    }
  }

  function getBlockNumber() external view returns (uint blockNumber) {
    blockNumber = block.number;
  }

  function getBlockHash(uint blockNumber) external view returns (bytes32 blockHash) {
    blockHash = blockhash(blockNumber);
  }

  function getCurrentBlockTimestamp() external view returns (uint timestamp) {
    timestamp = block.timestamp;
  }

  function getEthBalance(address addr) external view returns (uint balance) {
    balance = addr.balance;
  }

  function getChainId() external view returns (uint chainid) {
    chainid = block.chainid;
  }
}
