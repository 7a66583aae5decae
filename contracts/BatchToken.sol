// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC1155Supply} from "@openzeppelin/contracts/token/ERC1155/extensions/ERC1155Supply.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title Batchtrail batch token: one ERC-1155 id per physical batch of coffee.
/// @notice Quantities are in grams, prices in US cents per kilogram, dates in unix seconds.
contract BatchToken is ERC1155Supply, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant VERIFIER_ROLE = keccak256("VERIFIER_ROLE");
    bytes32 public constant INVENTORY_MANAGER_ROLE = keccak256("INVENTORY_MANAGER_ROLE");
    bytes32 public constant ORACLE_ROLE = keccak256("ORACLE_ROLE");

    enum Status { None, Created, Active, Verified, Expired, Redeemed }

    struct Batch {
        uint256 quantity;
        uint256 minted;
        uint256 redeemed;
        uint256 pricePerKg;
        uint64 productionDate;
        uint64 expiryDate;
        uint64 lastVerifiedAt;
        bool verified;
        Status status;
        address creator;
        bytes32 metadataHash;
        string metadataUri;
    }

    uint256 public batchCount;
    mapping(uint256 batchId => Batch) private _batches;

    event BatchCreated(
        uint256 indexed batchId,
        address indexed creator,
        uint256 quantity,
        uint64 productionDate,
        uint64 expiryDate,
        uint256 pricePerKg,
        bytes32 metadataHash,
        string metadataUri
    );
    event BatchMinted(uint256 indexed batchId, address indexed to, uint256 amount, uint256 minted);
    event InventoryAdjusted(uint256 indexed batchId, uint256 oldQuantity, uint256 newQuantity, string reason);
    event BatchVerified(uint256 indexed batchId, address indexed verifier, uint64 verifiedAt);
    event BatchExpired(uint256 indexed batchId, uint64 expiredAt);
    event MetadataUpdated(uint256 indexed batchId, bytes32 metadataHash, string metadataUri);
    event BatchRedeemed(uint256 indexed batchId, address indexed holder, uint256 amount, uint256 redeemed);
    /// @notice A holder's stock moved between warehouses (codes, right-padded ASCII); no tokens change hands.
    event StockMoved(uint256 indexed batchId, address indexed holder, uint256 amount, bytes32 fromWarehouse, bytes32 toWarehouse, address actor);
    /// @notice A holder's stock counted up (tokens minted) or written off (burnt) at a warehouse, with a reason code.
    event StockAdjusted(uint256 indexed batchId, address indexed holder, int256 delta, bytes32 warehouse, bytes32 reason, address actor);

    error InvalidQuantity();
    error InvalidDates(uint64 productionDate, uint64 expiryDate);
    error UnknownBatch(uint256 batchId);
    error ExceedsBatchQuantity(uint256 batchId, uint256 requested, uint256 available);
    error QuantityBelowMinted(uint256 batchId, uint256 quantity, uint256 minted);
    error InvalidStatus(uint256 batchId, Status status);
    error NotExpired(uint256 batchId, uint64 expiryDate);
    error MissingRole(address account);
    error SameWarehouse(bytes32 warehouse);
    error MissingReason();

    constructor(address admin, string memory uri_) ERC1155(uri_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    modifier onlyEither(bytes32 a, bytes32 b) {
        if (!hasRole(a, msg.sender) && !hasRole(b, msg.sender)) revert MissingRole(msg.sender);
        _;
    }

    /// @notice Declares a batch; when `to` is not zero its whole quantity is minted to `to`.
    function createBatch(
        address to,
        uint256 quantity,
        uint64 productionDate,
        uint64 expiryDate,
        uint256 pricePerKg,
        bytes32 metadataHash,
        string calldata metadataUri
    ) external onlyRole(MINTER_ROLE) returns (uint256 batchId) {
        if (quantity == 0) revert InvalidQuantity();
        if (expiryDate <= productionDate) revert InvalidDates(productionDate, expiryDate);
        batchId = ++batchCount;
        Batch storage b = _batches[batchId];
        b.quantity = quantity;
        b.pricePerKg = pricePerKg;
        b.productionDate = productionDate;
        b.expiryDate = expiryDate;
        b.status = Status.Created;
        b.creator = msg.sender;
        b.metadataHash = metadataHash;
        b.metadataUri = metadataUri;
        emit BatchCreated(batchId, msg.sender, quantity, productionDate, expiryDate, pricePerKg, metadataHash, metadataUri);
        if (to != address(0)) _mintTo(batchId, to, quantity);
    }

    /// @notice Mints tokens against a batch, never past its declared quantity.
    function mint(uint256 batchId, address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mintTo(batchId, to, amount);
    }

    function adjustInventory(uint256 batchId, uint256 newQuantity, string calldata reason)
        external
        onlyRole(INVENTORY_MANAGER_ROLE)
    {
        Batch storage b = _existing(batchId);
        if (newQuantity == 0) revert InvalidQuantity();
        if (newQuantity < b.minted) revert QuantityBelowMinted(batchId, newQuantity, b.minted);
        uint256 old = b.quantity;
        b.quantity = newQuantity;
        emit InventoryAdjusted(batchId, old, newQuantity, reason);
    }

    function markVerified(uint256 batchId) external onlyEither(VERIFIER_ROLE, ORACLE_ROLE) {
        Batch storage b = _existing(batchId);
        if (b.status == Status.Expired || b.status == Status.Redeemed) revert InvalidStatus(batchId, b.status);
        b.verified = true;
        b.lastVerifiedAt = uint64(block.timestamp);
        b.status = Status.Verified;
        emit BatchVerified(batchId, msg.sender, uint64(block.timestamp));
    }

    function markExpired(uint256 batchId) external onlyEither(INVENTORY_MANAGER_ROLE, ORACLE_ROLE) {
        Batch storage b = _existing(batchId);
        if (b.status == Status.Expired || b.status == Status.Redeemed) revert InvalidStatus(batchId, b.status);
        if (block.timestamp < b.expiryDate) revert NotExpired(batchId, b.expiryDate);
        b.status = Status.Expired;
        emit BatchExpired(batchId, uint64(block.timestamp));
    }

    function updateMetadata(uint256 batchId, bytes32 metadataHash, string calldata metadataUri)
        external
        onlyRole(INVENTORY_MANAGER_ROLE)
    {
        Batch storage b = _existing(batchId);
        b.metadataHash = metadataHash;
        b.metadataUri = metadataUri;
        emit MetadataUpdated(batchId, metadataHash, metadataUri);
    }

    /// @notice A holder burns tokens when the coffee is delivered; all of it delivered means redeemed.
    function redeem(uint256 batchId, uint256 amount) external {
        Batch storage b = _existing(batchId);
        if (amount == 0) revert InvalidQuantity();
        _burn(msg.sender, batchId, amount);
        b.redeemed += amount;
        if (b.redeemed == b.quantity) b.status = Status.Redeemed;
        emit BatchRedeemed(batchId, msg.sender, amount, b.redeemed);
    }

    /// @notice Records that `amount` of `holder`'s stock moved between warehouses: by the holder or an inventory manager.
    function moveStock(uint256 batchId, address holder, uint256 amount, bytes32 fromWarehouse, bytes32 toWarehouse) external {
        if (msg.sender != holder && !hasRole(INVENTORY_MANAGER_ROLE, msg.sender)) revert MissingRole(msg.sender);
        _existing(batchId);
        if (amount == 0) revert InvalidQuantity();
        if (fromWarehouse == toWarehouse) revert SameWarehouse(toWarehouse);
        uint256 held = balanceOf(holder, batchId);
        if (amount > held) revert ERC1155InsufficientBalance(holder, held, amount, batchId);
        emit StockMoved(batchId, holder, amount, fromWarehouse, toWarehouse, msg.sender);
    }

    /// @notice Counts stock up (mints to the holder) or writes it off (burns), changing the batch's quantity with it.
    function adjustStock(uint256 batchId, address holder, int256 delta, bytes32 warehouse, bytes32 reason)
        external
        onlyRole(INVENTORY_MANAGER_ROLE)
    {
        Batch storage b = _existing(batchId);
        if (delta == 0) revert InvalidQuantity();
        if (reason == bytes32(0)) revert MissingReason();
        uint256 old = b.quantity;
        if (delta > 0) {
            if (b.status == Status.Expired || b.status == Status.Redeemed) revert InvalidStatus(batchId, b.status);
            uint256 amount = uint256(delta);
            b.quantity += amount;
            b.minted += amount;
            _mint(holder, batchId, amount, "");
        } else {
            uint256 amount = uint256(-delta);
            if (amount >= b.quantity) revert InvalidQuantity();
            _burn(holder, batchId, amount);
            b.quantity -= amount;
            b.minted -= amount;
            if (b.redeemed == b.quantity) b.status = Status.Redeemed;
        }
        emit InventoryAdjusted(batchId, old, b.quantity, "stock adjusted");
        emit StockAdjusted(batchId, holder, delta, warehouse, reason, msg.sender);
    }

    function getBatch(uint256 batchId) external view returns (Batch memory) {
        return _existing(batchId);
    }

    /// @notice Reads many batches in one call; unknown ids come back with status None.
    function getBatches(uint256[] calldata batchIds) external view returns (Batch[] memory out) {
        out = new Batch[](batchIds.length);
        for (uint256 i = 0; i < batchIds.length; i++) out[i] = _batches[batchIds[i]];
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    function _mintTo(uint256 batchId, address to, uint256 amount) private {
        Batch storage b = _existing(batchId);
        if (amount == 0) revert InvalidQuantity();
        if (b.status == Status.Expired || b.status == Status.Redeemed) revert InvalidStatus(batchId, b.status);
        uint256 available = b.quantity - b.minted;
        if (amount > available) revert ExceedsBatchQuantity(batchId, amount, available);
        b.minted += amount;
        if (b.status == Status.Created) b.status = Status.Active;
        _mint(to, batchId, amount, "");
        emit BatchMinted(batchId, to, amount, b.minted);
    }

    function _existing(uint256 batchId) private view returns (Batch storage b) {
        b = _batches[batchId];
        if (b.status == Status.None) revert UnknownBatch(batchId);
    }
}
