"""Interactive pyvis views of the graph: whole, focused on an entity, a province, or laid out on the map."""
from .html import render, write_overview, write_view
from .index import write_index
from .network import view
from .select import find_node, select

__all__ = ["find_node", "render", "select", "view", "write_index", "write_overview", "write_view"]
