// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FunctionsClient} from "@chainlink/contracts/src/v0.8/functions/v1_0_0/FunctionsClient.sol";
import {FunctionsRequest} from "@chainlink/contracts/src/v0.8/functions/v1_0_0/libraries/FunctionsRequest.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

interface IBatchToken {
    function markVerified(uint256 batchId) external;
    function markExpired(uint256 batchId) external;
}

/// @title Batchtrail's Chainlink Functions consumer: asks the Batchtrail API about a batch through the
///        DON, stores the answer, and applies it to the batch token through the token's oracle role.
/// @notice An answer is `abi.encode(uint256 batchId, Check check, bool passed, uint32 code, uint64 asOf)`
///         (160 bytes). `code` is per check: the failed checks' bitmask for VerifyBatch, the latest
///         quality score in hundredths for QualityCheck, whole days left before expiry for ExpiryCheck.
///         The callback never reverts: a bad answer is recorded as a failure and emitted.
contract BatchChecks is FunctionsClient, AccessControl {
    using FunctionsRequest for FunctionsRequest.Request;

    bytes32 public constant VERIFIER_ROLE = keccak256("VERIFIER_ROLE");
    uint256 public constant ANSWER_BYTES = 160;
    uint256 private constant MAX_REASON_BYTES = 256;
    /// @notice The router's lowest callback tier; the callback is built to fit well inside it.
    uint32 public constant MAX_CALLBACK_GAS = 300_000;
    /// @dev Gas the token may use applying an answer (markVerified costs about 30,000).
    uint256 private constant APPLY_GAS = 100_000;

    enum Check { VerifyBatch, QualityCheck, ExpiryCheck }
    enum State { None, Sent, Fulfilled, Failed }

    struct Request {
        uint256 batchId;
        Check check;
        State state;
        bool passed;
        bool applied;
        uint32 code;
        uint64 asOf;
    }

    struct Config {
        bytes32 donId;
        uint64 subscriptionId;
        uint32 callbackGasLimit;
        uint8 secretsSlot;
        uint64 secretsVersion; // 0: no DON-hosted secrets (the local fulfiller brings its own)
        string apiUrl; // the Batchtrail deployment the sources call, without a trailing slash
    }

    IBatchToken public immutable token;
    Config public config;
    uint256 public checkCount;
    mapping(Check check => string source) public sources;
    mapping(bytes32 requestId => Request) public requests;

    /// @notice `apiRequestId` is the `chainlink_request_id` the API sees: a Functions source never
    ///         learns the router's request id, so the check carries an id of its own in its args.
    event CheckRequested(bytes32 indexed requestId, uint256 indexed batchId, Check check, bytes32 apiRequestId, address requester);
    event CheckFulfilled(bytes32 indexed requestId, uint256 indexed batchId, Check check, bool passed, uint32 code, uint64 asOf, bool applied);
    event CheckFailed(bytes32 indexed requestId, uint256 indexed batchId, Check check, string reason);
    /// @notice The answer was right but the token refused to apply it (a redeemed batch, say).
    event CheckNotApplied(bytes32 indexed requestId, uint256 indexed batchId, bytes reason);
    /// @notice A response for a request this contract did not send, or already settled.
    event ResponseIgnored(bytes32 indexed requestId);

    error MissingSource(Check check);
    error NotConfigured();
    error InvalidCallbackGasLimit(uint32 callbackGasLimit);

    constructor(address router, address token_, address admin) FunctionsClient(router) {
        token = IBatchToken(token_);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    function configure(Config calldata config_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (config_.callbackGasLimit == 0 || config_.callbackGasLimit > MAX_CALLBACK_GAS) revert InvalidCallbackGasLimit(config_.callbackGasLimit);
        config = config_;
    }

    function setSource(Check check, string calldata source) external onlyRole(DEFAULT_ADMIN_ROLE) {
        sources[check] = source;
    }

    /// @notice Sends a check of one batch to the DON; its answer arrives in `fulfillRequest`.
    function requestCheck(uint256 batchId, Check check) external onlyRole(VERIFIER_ROLE) returns (bytes32 requestId) {
        string memory source = sources[check];
        if (bytes(source).length == 0) revert MissingSource(check);
        Config memory c = config;
        if (c.subscriptionId == 0 || bytes(c.apiUrl).length == 0) revert NotConfigured();

        FunctionsRequest.Request memory req;
        req.initializeRequestForInlineJavaScript(source);
        if (c.secretsVersion > 0) req.addDONHostedSecrets(c.secretsSlot, c.secretsVersion);
        // Unique even if a reorganisation hands the same count to another check.
        bytes32 apiRequestId = keccak256(abi.encode(block.chainid, address(this), ++checkCount, batchId, check, blockhash(block.number - 1)));
        string[] memory args = new string[](3);
        args[0] = c.apiUrl;
        args[1] = Strings.toString(batchId);
        args[2] = Strings.toHexString(uint256(apiRequestId), 32);
        req.setArgs(args);

        requestId = _sendRequest(req.encodeCBOR(), c.subscriptionId, c.callbackGasLimit, c.donId);
        requests[requestId] = Request({batchId: batchId, check: check, state: State.Sent, passed: false, applied: false, code: 0, asOf: 0});
        emit CheckRequested(requestId, batchId, check, apiRequestId, msg.sender);
    }

    /// @notice Reads an answer; reverts on anything that is not exactly one (the callback catches it).
    function decodeAnswer(bytes calldata answer) external pure returns (uint256 batchId, Check check, bool passed, uint32 code, uint64 asOf) {
        require(answer.length == ANSWER_BYTES, "answer is not 160 bytes");
        return abi.decode(answer, (uint256, Check, bool, uint32, uint64));
    }

    function fulfillRequest(bytes32 requestId, bytes memory response, bytes memory err) internal override {
        Request storage r = requests[requestId];
        if (r.state != State.Sent) {
            emit ResponseIgnored(requestId);
            return;
        }
        if (err.length > 0) return _fail(requestId, r, _truncated(err));
        if (response.length != ANSWER_BYTES) return _fail(requestId, r, "response is not one 160-byte answer");

        try this.decodeAnswer(response) returns (uint256 batchId, Check check, bool passed, uint32 code, uint64 asOf) {
            if (batchId != r.batchId || check != r.check) return _fail(requestId, r, "answer is for another batch or check");
            r.state = State.Fulfilled;
            r.passed = passed;
            r.code = code;
            r.asOf = asOf;
            r.applied = _apply(requestId, batchId, check, passed);
            emit CheckFulfilled(requestId, batchId, check, passed, code, asOf, r.applied);
        } catch {
            _fail(requestId, r, "answer could not be decoded");
        }
    }

    /// @dev A passed verification marks the batch verified; a failed expiry check marks it expired.
    function _apply(bytes32 requestId, uint256 batchId, Check check, bool passed) private returns (bool) {
        bytes memory call;
        if (check == Check.VerifyBatch && passed) call = abi.encodeCall(IBatchToken.markVerified, (batchId));
        else if (check == Check.ExpiryCheck && !passed) call = abi.encodeCall(IBatchToken.markExpired, (batchId));
        else return false;
        (bool ok, bytes memory reason) = address(token).call{gas: APPLY_GAS}(call);
        if (!ok) emit CheckNotApplied(requestId, batchId, reason);
        return ok;
    }

    function _fail(bytes32 requestId, Request storage r, string memory reason) private {
        r.state = State.Failed;
        emit CheckFailed(requestId, r.batchId, r.check, reason);
    }

    function _truncated(bytes memory err) private pure returns (string memory) {
        if (err.length <= MAX_REASON_BYTES) return string(err);
        bytes memory out = new bytes(MAX_REASON_BYTES);
        for (uint256 i = 0; i < MAX_REASON_BYTES; i++) out[i] = err[i];
        return string(out);
    }
}
