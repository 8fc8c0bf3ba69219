// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";

import {CustodyToken} from "./CustodyToken.sol";
import {CustodyCollateralAsset} from "../assets/CustodyCollateralAsset.sol";

/// @title CustodyTokenFactory
/// @notice Deploys one CustodyToken per (holder, custodian, asset) with CREATE2 (EIP-1014), so the
///         settlement service can create a token on demand and know its address beforehand
///         (tokenFor). The token's constructor arguments derive only from the key and the asset's
///         registered decimals (set once), hence its address never changes. On creation the factory
///         allow-lists the collateral asset as a destination, grants MINTER_ROLE to the configured
///         minter, hands DEFAULT_ADMIN_ROLE to its own owner, and lists the token as collateral.
contract CustodyTokenFactory is Ownable {
  struct AssetInfo {
    bool registered;
    uint8 decimals;
  }

  /// @notice Receives MINTER_ROLE on tokens created from now on.
  address public minter;
  /// @notice Allow-listed as destination on, and lists, tokens created from now on (may be 0).
  address public collateralAsset;

  mapping(string asset => AssetInfo) public assets;
  mapping(bytes32 key => address token) public tokenByKey;
  mapping(address token => bool) public isCustodyToken;
  address[] public allTokens;

  event AssetRegistered(string asset, uint8 decimals);
  event MinterSet(address indexed minter);
  event CollateralAssetSet(address indexed collateralAsset);
  event CustodyTokenCreated(
    address indexed token, address indexed holder, bytes32 indexed key, string custodianId, string asset, uint8 decimals
  );

  error CTF_AssetAlreadyRegistered(string asset);
  error CTF_UnknownAsset(string asset);
  error CTF_EmptyCustodian();
  error CTF_ZeroHolder();
  error CTF_ZeroMinter();

  constructor(address initialOwner, address minter_, address collateralAsset_) Ownable(initialOwner) {
    _setMinter(minter_);
    collateralAsset = collateralAsset_;
    emit CollateralAssetSet(collateralAsset_);
  }

  ////////////////////
  // Administration //
  ////////////////////

  /// @notice Registers the decimals of custody tokens for `asset` (e.g. "BTC" -> 8). Set once, since
  ///         the decimals are part of every token's init code and hence of its address.
  function registerAsset(string calldata asset, uint8 decimals) external onlyOwner {
    if (assets[asset].registered) revert CTF_AssetAlreadyRegistered(asset);
    assets[asset] = AssetInfo(true, decimals);
    emit AssetRegistered(asset, decimals);
  }

  function setMinter(address minter_) external onlyOwner {
    _setMinter(minter_);
  }

  function setCollateralAsset(address collateralAsset_) external onlyOwner {
    collateralAsset = collateralAsset_;
    emit CollateralAssetSet(collateralAsset_);
  }

  //////////////
  // Creation //
  //////////////

  /// @notice Deploys the token for (holder, custodianId, asset), or returns it if it exists
  ///         (no event then), so a service may call it whenever it needs the token.
  function createToken(address holder, string calldata custodianId, string calldata asset)
    external
    returns (address token)
  {
    bytes32 key = keyOf(holder, custodianId, asset);
    token = tokenByKey[key];
    if (token != address(0)) return token;

    uint8 decimals = _assetDecimals(asset);
    token = Create2.deploy(0, key, _initCode(holder, custodianId, asset, decimals));
    tokenByKey[key] = token;
    isCustodyToken[token] = true;
    allTokens.push(token);

    CustodyToken t = CustodyToken(token);
    if (collateralAsset != address(0)) {
      t.setAllowedDestination(collateralAsset, true);
      CustodyCollateralAsset(collateralAsset).setAllowedToken(token, true);
    }
    t.grantRole(t.MINTER_ROLE(), minter);
    t.grantRole(t.DEFAULT_ADMIN_ROLE(), owner());
    t.renounceRole(t.DEFAULT_ADMIN_ROLE(), address(this));

    emit CustodyTokenCreated(token, holder, key, custodianId, asset, decimals);
  }

  //////////
  // View //
  //////////

  /// @notice The address the token for (holder, custodianId, asset) has or will have.
  function tokenFor(address holder, string calldata custodianId, string calldata asset)
    external
    view
    returns (address)
  {
    bytes32 key = keyOf(holder, custodianId, asset);
    address existing = tokenByKey[key];
    if (existing != address(0)) return existing;
    bytes32 initCodeHash = keccak256(_initCode(holder, custodianId, asset, _assetDecimals(asset)));
    return Create2.computeAddress(key, initCodeHash);
  }

  /// @notice The CREATE2 salt of a token: keccak256(abi.encode(holder, custodianId, asset)).
  function keyOf(address holder, string calldata custodianId, string calldata asset) public pure returns (bytes32) {
    return keccak256(abi.encode(holder, custodianId, asset));
  }

  /// @notice The name and symbol a token gets, e.g. ("CustodySettle BTC @ bitgo", "csBTC").
  function tokenNameAndSymbol(string calldata custodianId, string calldata asset)
    public
    pure
    returns (string memory name, string memory symbol)
  {
    name = string.concat("CustodySettle ", asset, " @ ", custodianId);
    symbol = string.concat("cs", asset);
  }

  function tokenCount() external view returns (uint) {
    return allTokens.length;
  }

  //////////////
  // Internal //
  //////////////

  function _initCode(address holder, string calldata custodianId, string calldata asset, uint8 decimals)
    internal
    pure
    returns (bytes memory)
  {
    if (holder == address(0)) revert CTF_ZeroHolder();
    if (bytes(custodianId).length == 0) revert CTF_EmptyCustodian();
    (string memory name, string memory symbol) = tokenNameAndSymbol(custodianId, asset);
    return abi.encodePacked(
      type(CustodyToken).creationCode, abi.encode(name, symbol, decimals, holder, custodianId, asset)
    );
  }

  function _assetDecimals(string calldata asset) internal view returns (uint8) {
    AssetInfo memory info = assets[asset];
    if (!info.registered) revert CTF_UnknownAsset(asset);
    return info.decimals;
  }

  function _setMinter(address minter_) internal {
    if (minter_ == address(0)) revert CTF_ZeroMinter();
    minter = minter_;
    emit MinterSet(minter_);
  }
}
