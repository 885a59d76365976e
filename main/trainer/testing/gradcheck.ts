/** The gradient check moved into the trainer (main/trainer/check); the tests keep importing it here. */
export * from "../check/gradcheck";
