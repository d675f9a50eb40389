const path = require("node:path");
const CopyPlugin = require("copy-webpack-plugin");
const TerserPlugin = require("terser-webpack-plugin");

/**
 * Bundles the component into dist/index.js (CommonJS, default export), as `prism components:publish`
 * expects. Every `await import()` in src/ (each AWS SDK client, postal-mime, csv-parse) becomes a
 * chunk beside it, `<id>.index.js`, which node loads with require() on a step's first use; the
 * CLI publishes the whole folder, chunks included.
 */
module.exports = {
  mode: "production",
  target: "node22", // Prismatic runs components on Node.js 22
  entry: "./src/index.ts",
  devtool: false,
  stats: "errors-warnings",
  output: {
    filename: "index.js",
    path: path.resolve(__dirname, "dist"),
    libraryTarget: "commonjs2",
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        exclude: /node_modules/,
        options: { transpileOnly: true },
      },
    ],
  },
  plugins: [
    new CopyPlugin({
      patterns: [
        { from: "assets", to: "." },
        { from: "documentation", to: "documentation" },
      ],
    }),
  ],
  // Minified: a third of the size and a third less cold-start time (bench/RESULTS.md); names are
  // kept so stack traces in execution logs stay readable.
  optimization: {
    usedExports: true,
    minimize: true,
    minimizer: [new TerserPlugin({ terserOptions: { keep_classnames: true, keep_fnames: true } })],
  },
  performance: { hints: false },
  // Spectral bundles jest-mock for its test helpers; its dynamic require is never used at runtime.
  ignoreWarnings: [{ module: /node_modules\/jest-util\// }],
};
