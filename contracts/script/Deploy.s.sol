// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Vm} from "../test/base/Vm.sol";
import {DeploySystem} from "./DeploySystem.sol";

/// @title Deploy
/// @notice `forge script script/Deploy.s.sol --broadcast` deploys a fresh contract set (run by
///         scripts/contracts.sh deploy). Inputs come from the environment so the key never shows
///         on a command line:
///           CS_DEPLOY_KEY     the deployer's private key (owner of everything)
///           CS_DEPLOY_MINTER  MINTER_ROLE holder on custody tokens (default: the deployer)
///           CS_DEPLOY_TMP     where to write the addresses (inside fs_permissions); the shell
///                             adds the deployment block and writes the final deployment.json
contract Deploy is DeploySystem {
  Vm internal constant vm = Vm(address(uint160(uint(keccak256("hevm cheat code")))));

  function run() external {
    uint key = vm.envUint("CS_DEPLOY_KEY");
    address deployer = vm.addr(key);
    address minter = vm.envOr("CS_DEPLOY_MINTER", deployer);
    string memory out = vm.envString("CS_DEPLOY_TMP");

    vm.startBroadcast(key);
    System memory s = _deploySystem(deployer, minter);
    vm.stopBroadcast();

    string memory o = "deployment";
    vm.serializeUint(o, "chainId", block.chainid);
    vm.serializeAddress(o, "deployer", deployer);
    vm.serializeAddress(o, "minter", minter);
    vm.serializeAddress(o, "Multicall3", address(s.multicall));
    vm.serializeAddress(o, "MockUSDC", address(s.usdc));
    vm.serializeAddress(o, "SubAccounts", address(s.subAccounts));
    vm.serializeAddress(o, "CashAsset", address(s.cash));
    vm.serializeAddress(o, "CustodyCollateralAsset", address(s.collateral));
    vm.serializeAddress(o, "PerpAssetBTC", address(s.perpBTC));
    vm.serializeAddress(o, "StandardManager", address(s.manager));
    vm.serializeAddress(o, "TradeExecutor", address(s.executor));
    string memory json = vm.serializeAddress(o, "CustodyTokenFactory", address(s.factory));
    vm.writeJson(json, out);
  }
}
