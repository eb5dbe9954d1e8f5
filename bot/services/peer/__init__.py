"""Peer groups: linked group chats, prompts from the library, broadcasts and polls."""
