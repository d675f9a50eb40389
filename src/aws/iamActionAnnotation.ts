/** The property on an SDK error that names the IAM action of the failed call, e.g. "ses:SendEmail". */
export const IAM_ACTION = "iamAction";

interface MiddlewareClient {
  middlewareStack: {
    add: (
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: "initialize"; name: string },
    ) => void;
  };
}

/**
 * Records on every error the IAM action the failed command needs (service prefix + operation),
 * so AccessDenied advice can name the exact permission to add.
 */
export function annotateErrorsWithIamAction(client: unknown, servicePrefix: string): void {
  (client as MiddlewareClient).middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        // The innermost call wins: a failed AssumeRole inside an SES call stays sts:AssumeRole.
        if (error && typeof error === "object" && context.commandName && !(IAM_ACTION in error)) {
          const operation = context.commandName.replace(/Command$/, "");
          Object.assign(error, { [IAM_ACTION]: `${servicePrefix}:${operation}` });
        }
        throw error;
      }
    },
    { step: "initialize", name: "annotateErrorsWithIamAction" },
  );
}
