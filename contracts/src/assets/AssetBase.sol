// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ISubAccounts} from "../interfaces/ISubAccounts.sol";

/// @title AssetBase
/// @notice What every asset shares: the SubAccounts it serves and the managers it trusts.
///         Derive v2-core's assets inherit a ManagerWhitelist (src/assets/utils/ManagerWhitelist.sol)
///         for the same reason: an asset must refuse balances in accounts whose manager would not
///         risk-check them, or a user could pick a permissive manager and take free credit.
abstract contract AssetBase is Ownable {
  ISubAccounts public immutable subAccounts;

  mapping(address manager => bool) public whitelistedManager;

  event WhitelistManagerSet(address indexed manager, bool whitelisted);

  error Asset_OnlySubAccounts();
  error Asset_UnknownManager(address manager);
  error Asset_OnlyAccountOwner(address caller, uint accountId);

  constructor(ISubAccounts subAccounts_, address initialOwner) Ownable(initialOwner) {
    subAccounts = subAccounts_;
  }

  function setWhitelistManager(address manager, bool whitelisted) external onlyOwner {
    whitelistedManager[manager] = whitelisted;
    emit WhitelistManagerSet(manager, whitelisted);
  }

  function _checkManager(address manager) internal view {
    if (!whitelistedManager[manager]) revert Asset_UnknownManager(manager);
  }

  function _requireAccountOwner(uint accountId) internal view {
    if (subAccounts.ownerOf(accountId) != msg.sender) revert Asset_OnlyAccountOwner(msg.sender, accountId);
  }

  modifier onlySubAccounts() {
    if (msg.sender != address(subAccounts)) revert Asset_OnlySubAccounts();
    _;
  }
}
