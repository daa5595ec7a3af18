namespace Queue.Display.Shared;

/// <summary>
/// The family of every page's words: Resources/Shared/Texts.resx holds the Chinese (the key is the Chinese text,
/// with "|English" added where one Chinese word has two English ones), Texts.{culture}.resx each translation.
/// Pages inject <c>IStringLocalizer&lt;Texts&gt;</c> as <c>T</c>; a missing translation falls back to Chinese.
/// </summary>
public sealed class Texts;
