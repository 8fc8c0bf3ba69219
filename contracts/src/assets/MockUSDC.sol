// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title MockUSDC
/// @notice A 6-decimal stable token for tests and local demos (USDC uses 6 decimals). Only the owner
///         mints; nothing else is special. Never deploy it where real value is at stake.
contract MockUSDC is ERC20, Ownable {
  constructor(address initialOwner) ERC20("Mock USD Coin", "USDC") Ownable(initialOwner) {}

  function decimals() public pure override returns (uint8) {
    return 6;
  }

  function mint(address to, uint amount) external onlyOwner {
    _mint(to, amount);
  }
}
