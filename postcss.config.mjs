// PostCSS runs Tailwind CSS for the app's styles.
export default { plugins: { "@tailwindcss/postcss": {} } };
