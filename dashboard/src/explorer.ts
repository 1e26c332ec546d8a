import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/graphiql.css";
import "./explorer.css";
import { EXAMPLES } from "./operations";

// The gateway on this page's origin; the headers editor adds the caller's token and purpose.
const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", location.href).toString() });
const headers = JSON.stringify({ "x-access-purpose": "explorer" }, null, 2);

createRoot(document.getElementById("explorer")!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultHeaders: headers,
    defaultEditorToolsVisibility: "headers",
    shouldPersistHeaders: false,
    defaultTabs: EXAMPLES.map((e) => ({
      query: e.query,
      variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined,
      headers,
    })),
  }),
);
