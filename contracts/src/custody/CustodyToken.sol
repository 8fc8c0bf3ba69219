// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title CustodyToken
/// @notice Mirrors one holder's balance of one asset at one custodian on chain, in Strands' model
///         (Strands-Finance/strands-custody-contracts): one ERC-20 per (holder, custodian, asset);
///         a balance is a claim on the custodian's books, not a bearer asset.
///           - Only MINTER_ROLE (the reconciling backend) mints or burns, and only the delta it
///             computed from a supply it read: guardMint / guardBurn revert with SupplyMismatch
///             when totalSupply() moved in between, so two racing reconcilers cannot both apply.
///           - Holders cannot redeem or burn: the custodian's books are the truth.
///           - Transfers reach only the holder or admin allow-listed destinations (the venue's
///             collateral escrow), so the claim cannot leak to third parties.
///           - Every burn emits Burned, every mint Minted, so a reconciler accounts for every unit.
/// @dev The deployer receives DEFAULT_ADMIN_ROLE; CustodyTokenFactory hands it to its owner and
///      MINTER_ROLE to the configured minter. Mints are not restricted by destination: the minter
///      is trusted to mint to the holder (or straight into an allow-listed escrow).
contract CustodyToken is ERC20, AccessControl {
  bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

  /// @notice The wallet whose custodial balance this token mirrors.
  address public immutable holder;
  /// @notice The custodian's identifier, e.g. "bitgo".
  string public custodianId;
  /// @notice The underlying asset's ticker at the custodian, e.g. "BTC".
  string public underlyingAsset;

  uint8 private immutable _decimals;

  mapping(address destination => bool) public allowedDestination;

  event Minted(address indexed mintedBy, address indexed to, uint256 amount);
  event Burned(address indexed burnedBy, address indexed from, uint256 amount);
  event AllowedDestinationSet(address indexed destination, bool allowed);

  error SupplyMismatch(uint256 expected, uint256 actual);
  error DestinationNotAllowed(address to);
  error ZeroHolder();

  constructor(
    string memory name_,
    string memory symbol_,
    uint8 decimals_,
    address holder_,
    string memory custodianId_,
    string memory underlyingAsset_
  ) ERC20(name_, symbol_) {
    if (holder_ == address(0)) revert ZeroHolder();
    _decimals = decimals_;
    holder = holder_;
    custodianId = custodianId_;
    underlyingAsset = underlyingAsset_;
    _grantRole(DEFAULT_ADMIN_ROLE, msg.sender);
  }

  function decimals() public view override returns (uint8) {
    return _decimals;
  }

  /// @notice Mint `amount` to `to` if the supply is still `estimatedSupply`.
  function guardMint(address to, uint256 amount, uint256 estimatedSupply) external onlyRole(MINTER_ROLE) {
    _checkSupply(estimatedSupply);
    _mint(to, amount);
    emit Minted(msg.sender, to, amount);
  }

  /// @notice Burn `amount` from `from` if the supply is still `estimatedSupply`.
  /// @dev Burning from an escrow (e.g. the collateral asset) would leave the escrow's books larger
  ///      than its holdings; the backend burns from the holder's wallet.
  function guardBurn(address from, uint256 amount, uint256 estimatedSupply) external onlyRole(MINTER_ROLE) {
    _checkSupply(estimatedSupply);
    _burn(from, amount);
    emit Burned(msg.sender, from, amount);
  }

  function setAllowedDestination(address destination, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
    allowedDestination[destination] = allowed;
    emit AllowedDestinationSet(destination, allowed);
  }

  function _checkSupply(uint256 estimatedSupply) internal view {
    uint256 actual = totalSupply();
    if (actual != estimatedSupply) revert SupplyMismatch(estimatedSupply, actual);
  }

  /// @dev Mints (from 0) and burns (to 0) pass; a transfer must go to the holder or an
  ///      allow-listed destination.
  function _update(address from, address to, uint256 value) internal override {
    if (from != address(0) && to != address(0) && to != holder && !allowedDestination[to]) {
      revert DestinationNotAllowed(to);
    }
    super._update(from, to, value);
  }
}
