// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/**
 * The devnet's read batcher. It answers the part of the Multicall3 interface that the app's batched reads
 * (src/chain/pools/batch.ts, src/chain/pools/poolReader.ts) and viem's actions call, with the same function signatures,
 * so it can stand at Multicall3's usual address (docs/devnet.md, "Multicall3").
 */
contract DevnetMulticall {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    /**
     * Makes each call in turn and returns every outcome. A failed call whose `allowFailure` is false
     * reverts the whole batch, as Multicall3 does; the others are reported as unsuccessful.
     */
    function aggregate3(Call3[] calldata calls) external returns (Result[] memory results) {
        uint256 count = calls.length;
        results = new Result[](count);
        for (uint256 i = 0; i < count; ++i) {
            Call3 calldata item = calls[i];
            (bool success, bytes memory returnData) = item.target.call(item.callData);
            if (!success && !item.allowFailure) revert("DevnetMulticall: a required call reverted");
            results[i] = Result(success, returnData);
        }
    }

    /// The number of the block the batch runs in: the block every other result was read at.
    function getBlockNumber() external view returns (uint256) {
        return block.number;
    }

    /// The timestamp of the block the batch runs in.
    function getCurrentBlockTimestamp() external view returns (uint256) {
        return block.timestamp;
    }

    /// An account's ether balance: viem's getBalance asks this when a client batches calls into one.
    function getEthBalance(address account) external view returns (uint256) {
        return account.balance;
    }
}
