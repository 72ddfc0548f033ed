/** The one door from the renderer into main/: the contract, types and helpers only. */
export * from '../../main/contract';
