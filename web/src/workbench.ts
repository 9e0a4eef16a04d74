import { ExampleOperation, findApiKey, loadOperations, postGraphQL, rememberApiKey } from './api.js';

// GraphiQL and React come from their npm packages' browser builds, loaded by workbench.html.
interface GraphiQLGlobals {
  React: { createElement(component: unknown, props: object): unknown };
  ReactDOM: { createRoot(element: Element): { render(element: unknown): void } };
  GraphiQL: unknown;
}
const { React, ReactDOM, GraphiQL } = window as unknown as GraphiQLGlobals;

const keyForm = document.querySelector<HTMLFormElement>('#key-form')!;
const keyInput = document.querySelector<HTMLInputElement>('#key-input')!;
const keyStatus = document.querySelector<HTMLElement>('#key-status')!;
const picker = document.querySelector<HTMLSelectElement>('#examples')!;
const root = ReactDOM.createRoot(document.querySelector('#graphiql')!);

let apiKey: string | null = null;

function showKeyStatus() {
  keyStatus.textContent = apiKey
    ? 'Requests carry an API key.'
    : 'No API key yet: paste one (npx attribution keys create --name analyst --scope read).';
}

const fetcher = (params: object, options?: { headers?: Record<string, string> }) =>
  postGraphQL(params, apiKey, options?.headers ?? {});

function render(operations: ExampleOperation[], chosen?: ExampleOperation) {
  const variables = (operation: ExampleOperation) => JSON.stringify(operation.variables, null, 2);
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: operations.map((operation) => ({ query: operation.query, variables: variables(operation) })),
    ...(chosen ? { query: chosen.query, variables: variables(chosen) } : {}),
    defaultEditorToolsVisibility: true,
  }));
}

async function start() {
  const [operations, key] = await Promise.all([loadOperations(), findApiKey()]);
  apiKey = key;
  showKeyStatus();
  for (const operation of operations) {
    picker.append(new Option(`${operation.name}: ${operation.description}`, operation.name));
  }
  picker.addEventListener('change', () => render(operations, operations.find((operation) => operation.name === picker.value)));
  keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    apiKey = keyInput.value.trim() || null;
    if (apiKey) rememberApiKey(apiKey);
    keyInput.value = '';
    showKeyStatus();
  });
  render(operations);
}

start().catch((error: Error) => { keyStatus.textContent = `The workbench could not start: ${error.message}`; });
