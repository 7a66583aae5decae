// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Multicall3's read path, for the local chain: many calls in one eth_call.
/// @notice The same `aggregate3` and `getBlockNumber` as the Multicall3 deployed on public chains
///         at 0xcA11bde05977b3631167028862bE2a173976CA11, so viem's `multicall` uses either.
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice Calls each target in order; a failing call reverts all of it unless it allows failure.
    function aggregate3(Call3[] calldata calls) public payable returns (Result[] memory returnData) {
        returnData = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            Call3 calldata c = calls[i];
            (bool success, bytes memory data) = c.target.call(c.callData);
            if (!success && !c.allowFailure) {
                assembly {
                    revert(add(data, 32), mload(data))
                }
            }
            returnData[i] = Result(success, data);
        }
    }

    function getBlockNumber() public view returns (uint256) {
        return block.number;
    }
}
