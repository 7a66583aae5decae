// What the local DON and the local deployment take from @chainlink/functions-toolkit: Chainlink's
// compiled v1 contracts, its simulation settings, and simulateScript (the toolkit's entry point
// also loads ethers and native crypto modules the local DON does not need).
export { simulateScript } from "@chainlink/functions-toolkit/dist/simulateScript/simulateScript.js";
export {
  FunctionsCoordinatorTestHelperSource,
  FunctionsRouterSource,
  LinkTokenSource,
  MockV3AggregatorSource,
  TermsOfServiceAllowListSource,
} from "@chainlink/functions-toolkit/dist/v1_contract_sources/index.js";
export {
  callReportGasLimit,
  numberOfSimulatedNodeExecutions,
  simulatedAllowListConfig,
  simulatedAllowListId,
  simulatedCoordinatorConfig,
  simulatedDonId,
  simulatedLinkEthPrice,
  simulatedLinkUsdPrice,
  simulatedRouterConfig,
} from "@chainlink/functions-toolkit/dist/simulationConfig.js";
