// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Vm
/// @notice The forge cheatcodes our tests and deploy script use, declared with the signatures
///         forge implements at the cheatcode address 0x7109709ECfa91a80626fF3989D68f67F5b1DD12D
///         (keccak256("hevm cheat code") truncated to 20 bytes). Only what we call is declared;
///         see the Foundry Book's cheatcode reference for the behaviour of each.
interface Vm {
  struct Log {
    bytes32[] topics;
    bytes data;
    address emitter;
  }

  // environment and time
  function warp(uint256 newTimestamp) external;
  function roll(uint256 newHeight) external;
  function deal(address account, uint256 newBalance) external;
  function label(address account, string calldata newLabel) external;
  function addr(uint256 privateKey) external pure returns (address keyAddr);

  // caller
  function prank(address msgSender) external;
  function startPrank(address msgSender) external;
  function stopPrank() external;

  // expectations
  function expectRevert() external;
  function expectRevert(bytes4 revertData) external;
  function expectRevert(bytes calldata revertData) external;
  function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData) external;
  function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData, address emitter)
    external;
  function recordLogs() external;
  function getRecordedLogs() external returns (Log[] memory logs);

  // scripts
  function envUint(string calldata name) external view returns (uint256 value);
  function envOr(string calldata name, address defaultValue) external view returns (address value);
  function envString(string calldata name) external view returns (string memory value);
  function startBroadcast(uint256 privateKey) external;
  function stopBroadcast() external;
  function serializeAddress(string calldata objectKey, string calldata valueKey, address value)
    external
    returns (string memory json);
  function serializeUint(string calldata objectKey, string calldata valueKey, uint256 value)
    external
    returns (string memory json);
  function serializeString(string calldata objectKey, string calldata valueKey, string calldata value)
    external
    returns (string memory json);
  function writeJson(string calldata json, string calldata path) external;
}
