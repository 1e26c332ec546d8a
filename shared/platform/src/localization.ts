import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { errorCodeLabel, preferredLanguage, type Language, type LocalizedText } from "@onewindow/contracts/i18n";
import type { GraphQLFormattedError } from "graphql";
import type { IncomingHttpHeaders } from "node:http";

/**
 * Gives every error its `extensions.localizedMessage` in the request's language: the Chinese
 * the department wrote (the default, and what browsers in Hangzhou ask for), the English
 * `message` when Accept-Language prefers English, and the label of the error's code when
 * nothing more specific was written (graphql-js's validation errors, Apollo's refusals).
 */
export function localizeErrors(errors: readonly GraphQLFormattedError[], language: Language): GraphQLFormattedError[] {
  return errors.map((error) => {
    const extensions = error.extensions ?? {};
    const written = extensions.localizedMessage;
    const localizedMessage =
      language === "en"
        ? error.message
        : typeof written === "string"
          ? written
          : errorCodeLabel(extensions.code as string | undefined).zh;
    return localizedMessage === written ? error : { ...error, extensions: { ...extensions, localizedMessage } };
  });
}

/** The language of an HTTP request, from its Accept-Language header. */
export function requestLanguage(headers: IncomingHttpHeaders): Language {
  return preferredLanguage(headers["accept-language"]);
}

/**
 * The body of an error answered outside GraphQL execution (a refused token, a body too large):
 * the same shape and localisation as the errors of an executed request.
 */
export function errorBody(
  headers: IncomingHttpHeaders,
  code: string,
  message: string,
  localized?: LocalizedText | string,
): { errors: GraphQLFormattedError[] } {
  const zh = typeof localized === "string" ? localized : localized?.zh;
  const [error] = localizeErrors(
    [{ message, extensions: zh === undefined ? { code } : { code, localizedMessage: zh } }],
    requestLanguage(headers),
  );
  return { errors: [error!] };
}

const localizeResponse: GraphQLRequestListener<never> = {
  async willSendResponse({ request, response }) {
    const body = response.body;
    if (body.kind !== "single" || !body.singleResult.errors) return;
    body.singleResult.errors = localizeErrors(
      body.singleResult.errors,
      preferredLanguage(request.http?.headers.get("accept-language")),
    );
  },
};

/** Apollo Server plugin that applies {@link localizeErrors} to every answer with errors. */
export function localizationPlugin<T extends object>(): ApolloServerPlugin<T> {
  return { requestDidStart: async () => localizeResponse as GraphQLRequestListener<T> };
}
