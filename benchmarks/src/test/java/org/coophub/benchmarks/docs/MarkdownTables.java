package org.coophub.benchmarks.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The tables of a Markdown document (GitHub tables, read with commonmark-java), each with
 * the heading it stands under. A cell keeps its code spans between backticks, because the
 * checks read only what is in code font: `agreement-events` is a name, the prose around
 * it is for people.
 */
final class MarkdownTables {

	private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

	private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

	private final Path file;

	private final List<Table> tables;

	private MarkdownTables(Path file, List<Table> tables) {
		this.file = file;
		this.tables = tables;
	}

	static MarkdownTables read(Path file) throws IOException {
		Node document = PARSER.parse(Files.readString(file, StandardCharsets.UTF_8));
		List<Table> tables = new ArrayList<>();
		String heading = "";
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Heading) {
				heading = textOf(node);
			}
			else if (node instanceof TableBlock) {
				tables.add(tableOf(heading, node));
			}
		}
		return new MarkdownTables(file, List.copyOf(tables));
	}

	/**
	 * The table under the heading whose header row starts with the given cells.
	 */
	Table table(String heading, String... firstHeaderCells) {
		List<String> wanted = List.of(firstHeaderCells);
		return this.tables.stream()
			.filter((table) -> table.heading().equals(heading))
			.filter((table) -> table.header().size() >= wanted.size()
					&& table.header().subList(0, wanted.size()).equals(wanted))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					this.file + " has no table " + wanted + " under the heading \"" + heading + "\""));
	}

	List<Table> all() {
		return this.tables;
	}

	/**
	 * The code spans of a cell, in order, without their backticks.
	 */
	static List<String> codeSpans(String cell) {
		List<String> spans = new ArrayList<>();
		Matcher matcher = CODE_SPAN.matcher(cell);
		while (matcher.find()) {
			spans.add(matcher.group(1));
		}
		return spans;
	}

	private static Table tableOf(String heading, Node block) {
		List<String> header = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
			for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
				if (row instanceof TableRow) {
					List<String> cells = new ArrayList<>();
					for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
						if (cell instanceof TableCell) {
							cells.add(textOf(cell).strip());
						}
					}
					if (section instanceof TableHead) {
						header.addAll(cells);
					}
					else {
						rows.add(List.copyOf(cells));
					}
				}
			}
		}
		return new Table(heading, List.copyOf(header), List.copyOf(rows));
	}

	private static String textOf(Node node) {
		StringBuilder text = new StringBuilder();
		node.accept(new AbstractVisitor() {

			@Override
			public void visit(Text literal) {
				text.append(literal.getLiteral());
			}

			@Override
			public void visit(Code code) {
				text.append('`').append(code.getLiteral()).append('`');
			}

			@Override
			public void visit(SoftLineBreak lineBreak) {
				text.append(' ');
			}

		});
		return text.toString();
	}

	/**
	 * One table: its header cells and its rows of cells, as text with code spans kept.
	 */
	record Table(String heading, List<String> header, List<List<String>> rows) {

		/** The cell of a row in the named column. */
		String cell(List<String> row, String column) {
			int index = this.header.indexOf(column);
			if (index < 0) {
				throw new AssertionError("Table under \"" + this.heading + "\" has no column " + column);
			}
			return (index < row.size()) ? row.get(index) : "";
		}

	}

}
