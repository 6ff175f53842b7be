module.exports = function (eleventyConfig) {
  eleventyConfig.addGlobalData("layout", "announcement.njk");
  return { markdownTemplateEngine: false, dir: { input: "." } };
};
