// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {Vm} from "./Vm.sol";

/// @title TestBase
/// @notice Our own minimal test base (npm has no forge-std/ds-test). forge runs every public
///         function named test* after setUp(), and counts a revert as a failure, so each assertion
///         simply reverts with a message that says what was expected and what was found.
abstract contract TestBase {
  Vm internal constant vm = Vm(address(uint160(uint(keccak256("hevm cheat code")))));

  function fail(string memory message) internal pure {
    revert(message);
  }

  function assertTrue(bool condition, string memory message) internal pure {
    if (!condition) revert(string.concat("assertTrue failed: ", message));
  }

  function assertFalse(bool condition, string memory message) internal pure {
    if (condition) revert(string.concat("assertFalse failed: ", message));
  }

  function assertEq(uint actual, uint expected, string memory message) internal pure {
    if (actual != expected) {
      revert(
        string.concat(
          "assertEq(uint) failed: ", message, ": expected ", Strings.toString(expected), ", got ", Strings.toString(actual)
        )
      );
    }
  }

  function assertEq(int actual, int expected, string memory message) internal pure {
    if (actual != expected) {
      revert(
        string.concat(
          "assertEq(int) failed: ",
          message,
          ": expected ",
          Strings.toStringSigned(expected),
          ", got ",
          Strings.toStringSigned(actual)
        )
      );
    }
  }

  function assertEq(address actual, address expected, string memory message) internal pure {
    if (actual != expected) {
      revert(
        string.concat(
          "assertEq(address) failed: ",
          message,
          ": expected ",
          Strings.toChecksumHexString(expected),
          ", got ",
          Strings.toChecksumHexString(actual)
        )
      );
    }
  }

  function assertEq(bytes32 actual, bytes32 expected, string memory message) internal pure {
    if (actual != expected) {
      revert(
        string.concat(
          "assertEq(bytes32) failed: ",
          message,
          ": expected ",
          Strings.toHexString(uint(expected), 32),
          ", got ",
          Strings.toHexString(uint(actual), 32)
        )
      );
    }
  }

  function assertEq(bool actual, bool expected, string memory message) internal pure {
    if (actual != expected) {
      revert(string.concat("assertEq(bool) failed: ", message, ": expected ", expected ? "true" : "false"));
    }
  }

  function assertEq(string memory actual, string memory expected, string memory message) internal pure {
    if (keccak256(bytes(actual)) != keccak256(bytes(expected))) {
      revert(string.concat("assertEq(string) failed: ", message, ": expected \"", expected, "\", got \"", actual, "\""));
    }
  }

  function assertEq(bytes memory actual, bytes memory expected, string memory message) internal pure {
    if (keccak256(actual) != keccak256(expected)) {
      revert(
        string.concat(
          "assertEq(bytes) failed: ", message, ": expected ", Strings.toHexString(expected), ", got ", Strings.toHexString(actual)
        )
      );
    }
  }

  function assertGt(int a, int b, string memory message) internal pure {
    if (!(a > b)) {
      revert(
        string.concat("assertGt failed: ", message, ": ", Strings.toStringSigned(a), " <= ", Strings.toStringSigned(b))
      );
    }
  }

  function assertLt(int a, int b, string memory message) internal pure {
    if (!(a < b)) {
      revert(
        string.concat("assertLt failed: ", message, ": ", Strings.toStringSigned(a), " >= ", Strings.toStringSigned(b))
      );
    }
  }
}
