// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title Batchtrail audit anchor: Merkle roots of the off-chain audit log, in contiguous ranges.
/// @notice Each anchor covers audit records [fromRecord, toRecord]; ranges follow each other with no
///         gap and no overlap, so no record is anchored twice.
contract AuditAnchor is AccessControl {
    bytes32 public constant ANCHOR_ROLE = keccak256("ANCHOR_ROLE");

    struct Anchor {
        bytes32 root;
        uint64 fromRecord;
        uint64 toRecord;
        uint64 anchoredAt;
    }

    Anchor[] private _anchors;

    event RootAnchored(uint256 indexed anchorId, bytes32 indexed root, uint64 fromRecord, uint64 toRecord);

    error EmptyRoot();
    error InvalidRange(uint64 fromRecord, uint64 toRecord);
    error RangeNotContiguous(uint64 fromRecord, uint64 expectedFrom);
    error UnknownAnchor(uint256 anchorId);
    error RecordNotAnchored(uint64 recordId);

    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    function anchor(bytes32 root, uint64 fromRecord, uint64 toRecord) external onlyRole(ANCHOR_ROLE) returns (uint256 anchorId) {
        if (root == bytes32(0)) revert EmptyRoot();
        if (fromRecord == 0 || toRecord < fromRecord) revert InvalidRange(fromRecord, toRecord);
        uint64 expectedFrom = lastAnchoredRecord() + 1;
        if (fromRecord != expectedFrom) revert RangeNotContiguous(fromRecord, expectedFrom);
        anchorId = _anchors.length;
        _anchors.push(Anchor(root, fromRecord, toRecord, uint64(block.timestamp)));
        emit RootAnchored(anchorId, root, fromRecord, toRecord);
    }

    function anchorCount() external view returns (uint256) {
        return _anchors.length;
    }

    function lastAnchoredRecord() public view returns (uint64) {
        return _anchors.length == 0 ? 0 : _anchors[_anchors.length - 1].toRecord;
    }

    function getAnchor(uint256 anchorId) external view returns (Anchor memory) {
        if (anchorId >= _anchors.length) revert UnknownAnchor(anchorId);
        return _anchors[anchorId];
    }

    /// @notice The anchor whose range holds `recordId`, found by binary search over the ranges.
    function findAnchor(uint64 recordId) external view returns (uint256 anchorId, Anchor memory found) {
        uint256 lo = 0;
        uint256 hi = _anchors.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            Anchor memory a = _anchors[mid];
            if (recordId < a.fromRecord) hi = mid;
            else if (recordId > a.toRecord) lo = mid + 1;
            else return (mid, a);
        }
        revert RecordNotAnchored(recordId);
    }
}
